//! Rules over several parameters (`at_least_one_of`, `required_if`).

use crate::diag::did_you_mean;
use crate::load::cx::Cx;
use crate::model::{Param, Rule};
use crate::syntax::format::OperationDef;
use crate::syntax::pos::Sp;

pub(super) fn resolve(op: &OperationDef, params: &[Param], cx: &mut Cx) -> Vec<Rule> {
    let mut rules = Vec::new();
    for r in &op.rules {
        match (&r.at_least_one_of, &r.required_if) {
            (Some(list), None) => {
                if list.len() < 2 {
                    cx.error(list, "at_least_one_of needs two or more parameters");
                }
                params_exist(list, params, cx);
                rules.push(Rule::AtLeastOneOf(list.value.clone()));
            }
            (None, Some(pair)) => {
                if pair.len() != 2 {
                    cx.error(
                        pair,
                        "required_if takes exactly two parameters: [required, when_given]",
                    );
                } else {
                    params_exist(pair, params, cx);
                    rules.push(Rule::RequiredIf(pair[0].clone(), pair[1].clone()));
                }
            }
            (a, b) => {
                // Both: point at the second; neither: only the operation has a place.
                let message = "a rule needs exactly one of at_least_one_of, required_if";
                match (a, b) {
                    (Some(_), Some(b)) => cx.error(b, message),
                    _ => cx.error(&op.method, message),
                }
            }
        }
    }
    rules
}

/// Each parameter a rule names exists and is optional.
fn params_exist(list: &Sp<Vec<String>>, params: &[Param], cx: &mut Cx) {
    for n in list.iter() {
        match params.iter().find(|p| &p.name == n) {
            None => {
                let names = params.iter().map(|p| p.name.as_str());
                let message = format!(
                    "rule names unknown parameter '{n}'{}",
                    did_you_mean(n, names)
                );
                cx.error(list, message);
            }
            Some(p) if !p.optional => {
                let message = format!(
                    "rule names parameter '{n}', which is required anyway; make it optional"
                );
                cx.error(list, message);
            }
            Some(_) => {}
        }
    }
}
