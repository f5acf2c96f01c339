//! Type expressions: `uint32`, `Player`, `array<steamid>`, `map<uint64, HubSummary>`.

/// A parsed, not yet resolved, type expression. Names carry their char offset in the string.
#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    /// A builtin or type name, and its char offset.
    Name(String, usize),
    /// `array<T>`.
    Array(Box<TypeExpr>),
    /// Key expression (if written) and value.
    Map(Option<Box<TypeExpr>>, Box<TypeExpr>),
}

/// A syntax error with its char offset in the expression.
#[derive(Debug, PartialEq)]
pub struct ExprError {
    /// Char offset in the expression where the error is.
    pub offset: usize,
    /// What is wrong, e.g. `expected '>'`.
    pub message: String,
}

/// Parses a type expression; the whole string (whitespace aside) must be one expression.
pub fn parse(src: &str) -> Result<TypeExpr, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut p = Parser { chars, at: 0 };
    let e = p.expr(0)?;
    p.skip_ws();
    if p.at < p.chars.len() {
        return Err(p.err(format!("unexpected '{}' after the type", p.chars[p.at])));
    }
    Ok(e)
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

/// Nesting limit: a hostile spec must not overflow the stack.
const MAX_DEPTH: usize = 32;

impl Parser {
    fn err(&self, message: String) -> ExprError {
        ExprError {
            offset: self.at,
            message,
        }
    }

    fn skip_ws(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.skip_ws();
        if self.chars.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), ExprError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.err(format!("expected '{c}'")))
        }
    }

    fn expr(&mut self, depth: usize) -> Result<TypeExpr, ExprError> {
        if depth > MAX_DEPTH {
            return Err(self.err("type expression nested too deeply".into()));
        }
        self.skip_ws();
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            self.at += 1;
        }
        if start == self.at {
            return Err(self.err(if self.at >= self.chars.len() {
                "missing type".into()
            } else {
                format!("expected a type name, found '{}'", self.chars[self.at])
            }));
        }
        let name: String = self.chars[start..self.at].iter().collect();
        match name.as_str() {
            "array" => {
                self.expect('<')?;
                let inner = self.expr(depth + 1)?;
                self.expect('>')?;
                Ok(TypeExpr::Array(Box::new(inner)))
            }
            "map" => {
                self.expect('<')?;
                let first = self.expr(depth + 1)?;
                let e = if self.eat(',') {
                    let value = self.expr(depth + 1)?;
                    TypeExpr::Map(Some(Box::new(first)), Box::new(value))
                } else {
                    TypeExpr::Map(None, Box::new(first))
                };
                self.expect('>')?;
                Ok(e)
            }
            _ => Ok(TypeExpr::Name(name, start)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        assert_eq!(parse("uint32"), Ok(TypeExpr::Name("uint32".into(), 0)));
        assert_eq!(
            parse("array< Player >"),
            Ok(TypeExpr::Array(Box::new(TypeExpr::Name(
                "Player".into(),
                7
            ))))
        );
        assert!(matches!(
            parse("map<uint64, Hub>"),
            Ok(TypeExpr::Map(Some(_), _))
        ));
        assert_eq!(parse("array<").unwrap_err().message, "missing type");
        assert_eq!(parse("array<x").unwrap_err().message, "expected '>'");
        // The error points at the unexpected character, past the space.
        assert_eq!(parse("x y").unwrap_err().offset, 2);
        let deep = "array<".repeat(100) + "x" + &">".repeat(100);
        assert!(parse(&deep).is_err());
    }
}
