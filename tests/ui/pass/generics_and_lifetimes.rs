use std::borrow::Cow;
use std::collections::HashMap;

use steam_webapi::Validate as _;

#[derive(steam_webapi::Validate)]
struct Page<'a, T, const N: usize>
where
    T: Clone,
{
    #[schemars(length(max = 10))]
    items: Vec<T>,
    #[schemars(length(min = 1), pattern("^[a-z]+$"))]
    cursor: Cow<'a, str>,
    #[schemars(inner(length(max = 3)))]
    names: HashMap<u64, &'a str>,
    fixed: [u8; N],
    r#type: Option<Box<T>>,
}

fn main() {
    let page = Page::<u8, 2> {
        items: vec![1],
        cursor: "abc".into(),
        names: HashMap::new(),
        fixed: [0; 2],
        r#type: None,
    };
    assert!(page.validate().is_ok());
}
