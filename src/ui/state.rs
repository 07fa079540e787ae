//! The UI's state: which claim's popover is open and the highlight it belongs to, and whether the
//! sources panel is open.

use std::rc::Rc;
use web_sys::Element;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState {
    /// The open claim's index and the mark the reader used to open it (focus returns there).
    pub open: Option<(usize, Element)>,
    /// The sources panel is shown.
    pub panel: bool,
}

pub enum Action {
    Open(usize, Element),
    Close,
    TogglePanel,
    ClosePanel,
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            // One thing open at a time: a popover over the panel would hide the claim list.
            Action::Open(claim, mark) => Rc::new(UiState {
                open: Some((claim, mark)),
                panel: false,
            }),
            Action::Close if self.open.is_none() => self,
            Action::Close => Rc::new(UiState {
                open: None,
                panel: self.panel,
            }),
            Action::TogglePanel => Rc::new(UiState {
                open: None,
                panel: !self.panel,
            }),
            Action::ClosePanel if !self.panel => self,
            Action::ClosePanel => Rc::new(UiState {
                open: self.open.clone(),
                panel: false,
            }),
        }
    }
}
