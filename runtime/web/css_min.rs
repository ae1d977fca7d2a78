//! The stylesheet as the wasm carries it: without comments and needless whitespace. Used by
//! `build.rs` at compile time (the readable `src/style.css` stays the source) and tested in
//! `src/style.rs`. Quoted strings are copied as they are.

/// `css` without comments, with whitespace runs as one space and none around `{ } ; , >` or
/// after `:`, and no `;` before `}`.
pub fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
                while let Some(inner) = chars.next() {
                    out.push(inner);
                    if inner == '\\' {
                        out.extend(chars.next());
                    } else if inner == c {
                        break;
                    }
                }
            }
            '}' => {
                pending_space = false;
                if out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            '{' | ';' | ',' | '>' => {
                pending_space = false;
                out.push(c);
                skip_space(&mut chars);
            }
            // A space before a colon may be a descendant selector (`.a :focus`); after one it
            // never matters.
            ':' => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
                skip_space(&mut chars);
            }
            c => {
                push_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// The space a whitespace run left, unless what came before makes it needless.
fn push_space(out: &mut String, pending: &mut bool) {
    if std::mem::take(pending) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '>', ':']) {
        out.push(' ');
    }
}

fn skip_space(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
    }
}
