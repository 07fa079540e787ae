pub mod app;
pub mod panel;
pub mod popover;
