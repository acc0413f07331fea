//! Lower case for matching words, without `str::to_lowercase`: its rule for a final Greek
//! sigma alone costs about 4 KB of wasm, and no word list here has one.

/// Lower-case a string: ASCII directly, anything else one character at a time.
pub trait Lowercase {
    /// The lower-case form (`"Ödön"` gives `"ödön"`).
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        if self.is_ascii() {
            self.to_ascii_lowercase()
        } else {
            self.chars().flat_map(char::to_lowercase).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lowercase;

    #[test]
    fn lowercases_ascii_and_accented_words() {
        assert_eq!("McKee".lowercase(), "mckee");
        assert_eq!("ÖDÖN Ünal".lowercase(), "ödön ünal");
        assert_eq!("İ".lowercase(), "i\u{307}");
    }
}
