//! Errors from the library, worded in the user's language.

use crate::model::EditError;

/// Why an edit was refused.
pub fn edit_error(error: &EditError) -> String {
    error.to_string()
}
