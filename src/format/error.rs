//! Why a file could not be read, with the file, line and column of each problem.

use std::fmt;

use thiserror::Error;

/// One problem in a file: where it is (when known) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line and column, when the problem has a place in the text.
    pub at: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

/// A chart file that could not be read. Its `Display` gives one line per problem,
/// each starting `FILE:LINE:COLUMN:` where a place is known.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{source_name}: cannot read the file: {message}")]
    Io {
        /// The file.
        source_name: String,
        /// What the system said.
        message: String,
    },
    /// The file is larger than Organigram opens.
    #[error("{source_name}: the file is {bytes} bytes; Organigram opens chart files of up to {limit} bytes")]
    TooLarge {
        /// The file.
        source_name: String,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A file from a newer Organigram with an incompatible format.
    #[error("{source_name}: made by a newer Organigram (file format {}.{}); this version reads format {}.x — please update Organigram to open it", found.0, found.1, supported.0)]
    NewerVersion {
        /// The file.
        source_name: String,
        /// The format the file declares.
        found: (u32, u32),
        /// The format this version reads.
        supported: (u32, u32),
    },
    /// The text is not a chart: bad syntax, bad UTF-8, or structural problems.
    #[error("{}", Lines(source_name, problems))]
    Invalid {
        /// The file.
        source_name: String,
        /// Every problem found, in file order where known.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    pub(crate) fn io(source_name: &str, error: &std::io::Error) -> LoadError {
        LoadError::Io {
            source_name: source_name.to_owned(),
            message: error.to_string(),
        }
    }

    pub(crate) fn at(
        source_name: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> LoadError {
        LoadError::Invalid {
            source_name: source_name.to_owned(),
            problems: vec![Problem {
                at: Some((line, column)),
                message: message.into(),
            }],
        }
    }

    /// The problems one per line, as `Display` prints them.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_owned).collect()
    }
}

struct Lines<'a>(&'a String, &'a Vec<Problem>);

impl fmt::Display for Lines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, problem) in self.1.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match problem.at {
                Some((line, column)) => {
                    write!(f, "{}:{line}:{column}: {}", self.0, problem.message)?
                }
                None => write!(f, "{}: {}", self.0, problem.message)?,
            }
        }
        Ok(())
    }
}
