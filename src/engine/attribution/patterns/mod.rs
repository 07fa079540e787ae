//! The sentence patterns, one module each; `find` tries them in order, first match wins.

mod according;
mod back_pointer;
mod clause;
mod colon;
mod quote;
mod subject;
mod tail;

pub(crate) use according::*;
pub(crate) use back_pointer::*;
pub(crate) use clause::*;
pub(crate) use colon::*;
pub(crate) use quote::*;
pub(crate) use subject::*;
pub(crate) use tail::*;
