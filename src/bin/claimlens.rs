//! The native CLI. See `claimlens --help`.

fn main() {}
