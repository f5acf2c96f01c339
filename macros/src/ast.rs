//! The derive input as the rest of the macro sees it: fields with their
//! rules, wire names and the path segments serde puts before them.

use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Index, Member, Type};

use crate::attr;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;

pub enum Input<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
}

pub struct Struct<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    pub fields: Vec<Field<'a>>,
    pub named: bool,
}

pub struct Enum<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: attr::Container,
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: attr::Variant,
    pub fields: Vec<Field<'a>>,
    pub named: bool,
    /// The segment serde puts before the variant's fields, if any.
    pub segment: Option<String>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ident: Option<&'a Ident>,
    pub ty: &'a Type,
    pub attrs: attr::Field,
    pub segment: Segment,
}

/// Where a field's value sits relative to its parent on the wire.
pub enum Segment {
    /// `parent.name`
    Field(String),
    /// `parent[i]`: fields of a tuple struct or tuple variant.
    Index(usize),
    /// `parent` itself: newtypes, `transparent` and `flatten`.
    Same,
}

impl<'a> Input<'a> {
    pub fn from_syn(input: &'a DeriveInput, cx: &Ctxt) -> Option<Self> {
        let attrs = attr::Container::from_attrs(&input.attrs, cx);
        match &input.data {
            Data::Struct(data) => {
                let fields = Field::all(&data.fields, attrs.rename_all, attrs.transparent, cx);
                Some(Input::Struct(Struct {
                    ident: &input.ident,
                    generics: &input.generics,
                    named: matches!(data.fields, Fields::Named(_)),
                    attrs,
                    fields,
                }))
            }
            Data::Enum(data) => {
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let vattrs = attr::Variant::from_attrs(&variant.attrs, cx);
                        let wire = vattrs.rename.clone().unwrap_or_else(|| {
                            let name = variant.ident.unraw().to_string();
                            match attrs.rename_all {
                                Some(rule) => rule.apply_to_variant(&name),
                                None => name,
                            }
                        });
                        let segment = if attrs.untagged {
                            None
                        } else {
                            match (&attrs.tag, &attrs.content) {
                                (Some(_), Some(content)) => Some(content.clone()),
                                (Some(_), None) => None,
                                (None, _) => Some(wire),
                            }
                        };
                        let rule = vattrs.rename_all.or(attrs.rename_all_fields);
                        Variant {
                            ident: &variant.ident,
                            fields: Field::all(&variant.fields, rule, false, cx),
                            named: matches!(variant.fields, Fields::Named(_)),
                            attrs: vattrs,
                            segment,
                        }
                    })
                    .collect();
                Some(Input::Enum(Enum {
                    ident: &input.ident,
                    generics: &input.generics,
                    attrs,
                    variants,
                }))
            }
            Data::Union(data) => {
                cx.error(data.union_token, "`Validate` cannot be derived for a union");
                None
            }
        }
    }
}

impl<'a> Field<'a> {
    fn all(
        fields: &'a Fields,
        rule: Option<RenameRule>,
        transparent: bool,
        cx: &Ctxt,
    ) -> Vec<Self> {
        // serde writes a one-field tuple as its content, a longer one as an array.
        let newtype = matches!(fields, Fields::Unnamed(f) if f.unnamed.len() == 1);
        fields
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let attrs = attr::Field::from_attrs(&field.attrs, cx);
                let segment = match &field.ident {
                    _ if transparent || attrs.flatten => Segment::Same,
                    Some(ident) => Segment::Field(attrs.rename.clone().unwrap_or_else(|| {
                        let name = ident.unraw().to_string();
                        match rule {
                            Some(rule) => rule.apply_to_field(&name),
                            None => name,
                        }
                    })),
                    None if newtype => Segment::Same,
                    None => Segment::Index(i),
                };
                Field {
                    member: match &field.ident {
                        Some(ident) => Member::Named(ident.clone()),
                        None => Member::Unnamed(Index::from(i)),
                    },
                    ident: field.ident.as_ref(),
                    ty: &field.ty,
                    attrs,
                    segment,
                }
            })
            .collect()
    }

    /// The name on the wire, for struct-level rules' parameters.
    pub fn wire_name(&self) -> String {
        match &self.segment {
            Segment::Field(name) => name.clone(),
            Segment::Index(i) => i.to_string(),
            Segment::Same => self
                .ident
                .map(|i| i.unraw().to_string())
                .unwrap_or_default(),
        }
    }
}
