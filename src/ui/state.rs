//! The UI's state: which claim's popover is open, and the highlight it belongs to.

use std::rc::Rc;
use web_sys::Element;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState {
    /// The open claim's index and the mark the reader used to open it (focus returns there).
    pub open: Option<(usize, Element)>,
}

pub enum Action {
    Open(usize, Element),
    Close,
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Open(claim, mark) => Rc::new(UiState {
                open: Some((claim, mark)),
            }),
            Action::Close if self.open.is_none() => self,
            Action::Close => Rc::new(UiState { open: None }),
        }
    }
}
