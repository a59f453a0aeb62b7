//! The command line's subcommands that need more than a few lines, one file each.

pub mod compare;
pub mod handbook;
pub mod report;
