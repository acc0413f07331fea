//! The command line as a process: a reader that stops early ends it quietly.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::process::{Command, Stdio};

/// `quietread quotes ARTICLE | head -1`: the pipe closes while the command still writes (its
/// output is larger than a pipe holds), and it ends with success, not a panic.
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let lines: Vec<String> = (0..3000)
        .map(|k| format!("“The ferry ran late on day {k},” said Mara Velde, the harbour clerk."))
        .collect();
    let article = std::env::temp_dir().join(format!("quietread-cli-{}.txt", std::process::id()));
    std::fs::write(&article, lines.join("\n\n")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quietread"))
        .arg("quotes")
        .arg(&article)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    let mut out = child.stdout.take().unwrap();
    out.read_exact(&mut first).unwrap();
    drop(out);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    std::fs::remove_file(&article).ok();
    assert!(status.success(), "{status}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(String::from_utf8_lossy(&first).starts_with("Mara Velde"));
}
