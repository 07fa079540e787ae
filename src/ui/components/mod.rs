pub mod app;
pub mod popover;
