//! `batch:`: which array parameter is cut into calls (its `max_items` is the most per call) and
//! which response field merges the answers (`concat` an array, or `sum` an integer).

use crate::load::cx::Cx;
use crate::model::{Batch, BatchMerge, Field, Param, Presence, Scalar, TypeRef};
use crate::syntax::format::BatchDef;
use crate::syntax::pos::Sp;

/// The operation's batch, if it has a `batch:` that checks out; each problem is reported where
/// it stands.
pub(super) fn resolve(
    def: &BatchDef,
    params: &[Param],
    fields: Option<&[Field]>,
    cx: &mut Cx,
) -> Option<Batch> {
    let param = batch_param(&def.parameter, params, cx);
    let merge = match (&def.concat, &def.sum) {
        (Some(field), None) => Some((field, true)),
        (None, Some(field)) => Some((field, false)),
        (Some(field), Some(_)) => {
            cx.error(field, "batch takes one of 'concat' or 'sum', not both");
            None
        }
        (None, None) => {
            cx.error(&def.parameter, "batch needs 'concat' (an array field of the response) or 'sum' (an integer field) to merge the answers");
            None
        }
    };
    let (field, concat) = merge?;
    let merge = merge_field(field, concat, fields, cx)?;
    let (param, max_items) = param?;
    Some(Batch {
        param,
        max_items,
        merge,
    })
}

/// The parameter's Rust name and most items: a required array with `max_items`.
fn batch_param(name: &Sp<String>, params: &[Param], cx: &mut Cx) -> Option<(String, u64)> {
    let Some(p) = params.iter().find(|p| p.name == name.value) else {
        let known: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
        cx.error(
            name,
            format!(
                "batch parameter `{}` is not a parameter of the operation (it has: {})",
                name.value,
                known.join(", ")
            ),
        );
        return None;
    };
    if !p.ty.is_array() || p.optional {
        cx.error(
            name,
            format!(
                "batch parameter `{}` must be a required array (it is {}{})",
                p.name,
                if p.optional { "optional " } else { "" },
                p.ty.display()
            ),
        );
        return None;
    }
    let Some(max) = p.constraints.max_items.filter(|m| *m > 0) else {
        cx.error(
            name,
            format!(
                "batch parameter `{}` has no `max_items` constraint: nothing says how many items one call takes",
                p.name
            ),
        );
        return None;
    };
    Some((p.rust_name.clone(), max))
}

/// The merge on the response field `field`: a required array (`concat`) or integer (`sum`).
fn merge_field(
    field: &Sp<String>,
    concat: bool,
    fields: Option<&[Field]>,
    cx: &mut Cx,
) -> Option<BatchMerge> {
    let key = if concat { "concat" } else { "sum" };
    let Some(fields) = fields else {
        cx.error(
            field,
            format!("batch '{key}' needs a response that is a struct with fields"),
        );
        return None;
    };
    let Some(f) = fields.iter().find(|f| f.name == field.value) else {
        let known: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        cx.error(
            field,
            format!(
                "batch '{key}' field `{}` is not a field of the response (it has: {})",
                field.value,
                known.join(", ")
            ),
        );
        return None;
    };
    let fits = if concat {
        f.ty.is_array()
    } else {
        // A count: not a timestamp or an id, which are integers too.
        matches!(
            &f.ty,
            TypeRef::Scalar(Scalar::Uint32 | Scalar::Int32 | Scalar::Uint64 | Scalar::Int64)
        )
    };
    if !fits || f.presence != Presence::Required {
        let want = if concat { "an array" } else { "an integer" };
        cx.error(
            field,
            format!(
                "batch '{key}' field `{}` must be {want}, neither optional nor nullable (it is {}{})",
                f.name,
                if f.presence != Presence::Required { "optional " } else { "" },
                f.ty.display()
            ),
        );
        return None;
    }
    let rust = f.rust_name.clone();
    Some(if concat {
        BatchMerge::Concat(rust)
    } else {
        BatchMerge::Sum(rust)
    })
}
