//! One module per subcommand family.

pub mod analyze;
pub mod bench;
pub mod common;
pub mod eval;
pub mod resolve;
pub mod store;
