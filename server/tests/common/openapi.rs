//! Validating responses against the served OpenAPI document: the response schema of
//! (path, method, status, media type), checked with a validator of the JSON Schema keywords
//! the document uses. A keyword this validator does not know fails the test, so the document
//! cannot say more than is checked.

use serde_json::Value;

const KNOWN: &[&str] = &[
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "$ref",
    "description",
    "default",
    "contentMediaType",
];

/// The schema of the response `status` with `media` of operation `method` at `path` (as
/// written in the document, `{reference}` and all).
pub fn response_schema<'a>(doc: &'a Value, path: &str, method: &str, status: u16, media: &str) -> &'a Value {
    let operation = &doc["paths"][path][method];
    assert!(operation.is_object(), "the document has no {method} {path}");
    let mut response = &operation["responses"][status.to_string()];
    assert!(response.is_object(), "{method} {path} documents no {status}");
    if let Some(reference) = response.get("$ref").and_then(Value::as_str) {
        response = resolve(doc, reference);
    }
    let schema = &response["content"][media]["schema"];
    assert!(schema.is_object(), "{method} {path} {status} documents no {media}");
    schema
}

fn resolve<'a>(doc: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("only local $ref: {reference}"));
    doc.pointer(pointer).unwrap_or_else(|| panic!("$ref {reference} points nowhere"))
}

/// Every way `value` breaks `schema`, as `path: what`.
pub fn validate(doc: &Value, schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(doc, schema, value, "$", &mut errors);
    errors
}

fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn check(doc: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = schema.as_object().unwrap_or_else(|| panic!("schema at {at} is no object"));
    for keyword in schema.keys() {
        assert!(KNOWN.contains(&keyword.as_str()), "the validator does not know the keyword {keyword:?}");
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        check(doc, resolve(doc, reference), value, at, errors);
    }
    if let Some(expected) = schema.get("type") {
        let actual = type_of(value);
        let fits = |t: &Value| t == actual || (t == "number" && actual == "integer");
        let ok = match expected {
            Value::Array(types) => types.iter().any(fits),
            t => fits(t),
        };
        if !ok {
            errors.push(format!("{at}: {actual} is not {expected}"));
            return;
        }
    }
    if let Some(Value::Array(options)) = schema.get("enum")
        && !options.contains(value)
    {
        errors.push(format!("{at}: {value} is none of {options:?}"));
    }
    if let (Some(pattern), Some(text)) = (schema.get("pattern").and_then(Value::as_str), value.as_str())
        && !regex_lite::Regex::new(pattern).unwrap().is_match(text)
    {
        errors.push(format!("{at}: {text:?} does not match {pattern}"));
    }
    if let Some(text) = value.as_str() {
        let length = text.chars().count() as u64;
        if schema.get("minLength").and_then(Value::as_u64).is_some_and(|min| length < min) {
            errors.push(format!("{at}: too short"));
        }
        if schema.get("maxLength").and_then(Value::as_u64).is_some_and(|max| length > max) {
            errors.push(format!("{at}: too long"));
        }
    }
    if let Some(number) = value.as_f64() {
        if schema.get("minimum").and_then(Value::as_f64).is_some_and(|min| number < min) {
            errors.push(format!("{at}: below the minimum"));
        }
        if schema.get("maximum").and_then(Value::as_f64).is_some_and(|max| number > max) {
            errors.push(format!("{at}: above the maximum"));
        }
    }
    if let Value::Object(object) = value {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let name = name.as_str().unwrap();
            if !object.contains_key(name) {
                errors.push(format!("{at}: {name} is missing"));
            }
        }
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => check(doc, property, member, &format!("{at}.{name}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: {name} is not documented"));
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (index, item) in items.iter().enumerate() {
            check(doc, item_schema, item, &format!("{at}[{index}]"), errors);
        }
    }
}

/// The OpenAPI document the server serves.
pub fn served(server: &super::Server) -> Value {
    let served = server.request("GET", "/api/v1/openapi.json", &[], b"");
    assert_eq!(served.status, 200);
    served.json()
}

/// Asserts that `response` matches the document's schema for it.
pub fn assert_valid(doc: &Value, path: &str, method: &str, response: &super::Response, media: &str) {
    let schema = response_schema(doc, path, method, response.status, media);
    let errors = validate(doc, schema, &response.json());
    assert!(errors.is_empty(), "{method} {path} {}: {errors:?}\n{}", response.status, response.text());
}

/// How many applications the test client sees.
pub fn count(server: &super::Server) -> usize {
    server.pull("/api/v1/applications?limit=500").json()["items"].as_array().unwrap().len()
}
