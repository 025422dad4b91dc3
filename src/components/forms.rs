//! Form pieces shared by "Suggest a resource" and the feedback form on each resource: labelled
//! fields with hints and per-field errors, the error summary, the contributor's details, the
//! honeypot, and the notice when drafts cannot be kept.
//!
//! Fields are ordinary (uncontrolled) inputs whose initial values come from the saved draft;
//! the forms read them all at once (`platform::form_pairs`) when they change or are submitted.
//! Draft values are set as properties, not attributes, so the form's default state stays empty
//! and `reset()` clears it after a submit.

use contributions::{
    Checked, Contributor, FieldError, FormField, Submission, Timestamp, draft_json, draft_pairs,
};
use leptos::ev::Event;
use leptos::prelude::*;

use crate::components::form_words::{field_label, problem_text};
use crate::components::submissions::Submitted;
use crate::courier::Courier;
use crate::platform::{Form, focus, now_iso, parse_json};
use crate::text::{Count, Msg, counted, t};

/// What a contribution form keeps between renders: its errors, what its last submit came to,
/// and whether its draft is being kept. Shared by the suggestion and feedback forms, which
/// differ only in how they read and check their fields.
#[derive(Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<Vec<FieldError>>,
    pub last: RwSignal<Option<Submitted>>,
    pub kept: RwSignal<bool>,
    draft: StoredValue<String>,
    summary_id: &'static str,
    thanks_id: &'static str,
}

impl FormState {
    /// `draft` names the form's draft in storage; the ids are the error summary's and the
    /// confirmation heading's, which receive focus after a submit.
    pub fn new(draft: String, summary_id: &'static str, thanks_id: &'static str) -> FormState {
        let contributions = expect_context::<Courier>();
        FormState {
            errors: RwSignal::new(Vec::new()),
            last: RwSignal::new(None),
            kept: RwSignal::new(contributions.persistent),
            draft: StoredValue::new(draft),
            summary_id,
            thanks_id,
        }
    }

    /// The saved draft as the form's (name, value) pairs; empty when there is none.
    pub fn draft(self) -> Vec<(String, String)> {
        let saved = expect_context::<Courier>().draft(&self.draft.get_value());
        saved
            .and_then(|json| parse_json(&json).ok())
            .map(|value| draft_pairs(&value))
            .unwrap_or_default()
    }

    /// On every change: saves the form as typed.
    pub fn save(self, ev: &Event) {
        let Some(form) = Form::of(ev) else { return };
        let contributions = expect_context::<Courier>();
        let draft = draft_json(&form.pairs());
        let empty = draft.is_none();
        let saved = contributions.set_draft(&self.draft.get_value(), draft);
        self.kept.set(saved || (contributions.persistent && empty));
    }

    /// On submit: `check` reads and checks the fields as of `now`. Problems go to the error
    /// summary; a valid submission goes to the outbox, and the form and its draft are cleared.
    pub fn submit(
        self,
        ev: &Event,
        check: impl FnOnce(Vec<(String, String)>, Timestamp) -> Checked<Submission>,
    ) {
        ev.prevent_default();
        let (Some(form), Some(now)) = (Form::of(ev), Timestamp::parse(&now_iso())) else {
            return;
        };
        let contributions = expect_context::<Courier>();
        let submitted = match check(form.pairs(), now) {
            Checked::Invalid(list) => {
                self.errors.set(list);
                let id = self.summary_id;
                request_animation_frame(move || focus(id));
                return;
            }
            Checked::Valid(submission) => {
                contributions.submit(&submission);
                Submitted::Entry(submission.key().to_owned())
            }
            Checked::Bot => Submitted::Dropped,
        };
        self.errors.set(Vec::new());
        contributions.set_draft(&self.draft.get_value(), None);
        self.last.set(Some(submitted));
        form.reset();
        let id = self.thanks_id;
        request_animation_frame(move || focus(id));
    }
}

/// The message for `field`, if it has one (reactive).
fn message(
    errors: RwSignal<Vec<FieldError>>,
    field: FormField,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field)
                .map(|e| problem_text(e.problem))
        })
    }
}

/// `aria-describedby` for a field: its hint, and its error while it has one.
fn described_by(
    field: FormField,
    hint: bool,
    errors: RwSignal<Vec<FieldError>>,
) -> impl Fn() -> Option<String> {
    let message = message(errors, field);
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{}-hint", field.id()));
        }
        if message().is_some() {
            ids.push(format!("{}-error", field.id()));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The error line under a field's label.
#[component]
fn ErrorLine(field: FormField, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let message = message(errors, field);
    move || {
        message().map(|m| {
            view! {
                <p class="field-error" id=format!("{}-error", field.id())>
                    <span class="visually-hidden">{t(Msg::FormsErrorPrefix)}</span>
                    {m}
                </p>
            }
        })
    }
}

/// What kind of control a [`Field`] is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Text,
    Url,
    Email,
    Year,
    Area,
}

/// A labelled text field with an optional hint and its error.
#[component]
pub fn Field(
    field: FormField,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(default = Input::Text)] input: Input,
    #[prop(optional)] autocomplete: Option<&'static str>,
    value: String,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let (id, name) = (field.id(), field.name());
    let invalid = move || message(errors, field)().map(|_| "true");
    let describedby = described_by(field, hint.is_some(), errors);
    let control = if input == Input::Area {
        view! {
            <textarea id=id.clone() name=name rows="5" prop:value=value aria-invalid=invalid aria-describedby=describedby></textarea>
        }
        .into_any()
    } else {
        let (kind, mode) = match input {
            Input::Url => ("url", None),
            Input::Email => ("email", None),
            Input::Year => ("text", Some("numeric")),
            _ => ("text", None),
        };
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                inputmode=mode
                autocomplete=autocomplete
                prop:value=value
                aria-invalid=invalid
                aria-describedby=describedby
                class:short=input == Input::Year
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || invalid().is_some()>
            <label for=id.clone()>{field_label(field)}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <ErrorLine field errors/>
            {control}
        </div>
    }
}

/// A group of checkboxes (`multiple`) or radio buttons sharing one name.
#[component]
pub fn Choices(
    field: FormField,
    #[prop(optional)] hint: Option<&'static str>,
    /// (value, label, description)
    options: Vec<(String, String, String)>,
    checked: Vec<String>,
    #[prop(optional)] multiple: bool,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let (id, name) = (field.id(), field.name());
    let describedby = described_by(field, hint.is_some(), errors);
    let kind = if multiple { "checkbox" } else { "radio" };
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, description))| {
            let item_id = format!("{id}-{i}");
            let on = checked.contains(&value);
            view! {
                <div class="choice">
                    <input type=kind id=item_id.clone() name=name value=value prop:checked=on/>
                    <label for=item_id>
                        {label}
                        {(!description.is_empty()).then(|| view! { <span class="choice-hint">{description}</span> })}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        // The id lets the error summary move focus to the group.
        <fieldset id=id.clone() tabindex="-1" class="field choices" aria-describedby=describedby>
            <legend>{field_label(field)}</legend>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <ErrorLine field errors/>
            <div class="choice-list">{items}</div>
        </fieldset>
    }
}

/// Name, email, organisation and consent to be contacted: all optional.
#[component]
pub fn ContributorFields(value: Contributor, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <fieldset class="contributor">
            <legend>{t(Msg::FormsAboutYou)}</legend>
            <p class="hint">{t(Msg::FormsAboutYouHint)}</p>
            <Field field=FormField::Name autocomplete="name" value=value.name errors/>
            <Field
                field=FormField::Email
                input=Input::Email
                autocomplete="email"
                value=value.email
                errors
            />
            <Field
                field=FormField::Organisation
                autocomplete="organization"
                value=value.organisation
                errors
            />
            <div class="choice">
                <input type="checkbox" id=FormField::Consent.id() name=FormField::Consent.name() value="yes" prop:checked=value.consent/>
                <label for=FormField::Consent.id()>{field_label(FormField::Consent)}</label>
            </div>
        </fieldset>
    }
}

/// A box that must be ticked (agreeing to something), with its error.
#[component]
pub fn Agreement(
    field: FormField,
    checked: bool,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let id = field.id();
    let invalid = move || message(errors, field)().map(|_| "true");
    view! {
        <div class="field" class:invalid=move || invalid().is_some()>
            <ErrorLine field errors/>
            <div class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    name=field.name()
                    value="yes"
                    prop:checked=checked
                    aria-invalid=invalid
                    aria-describedby=described_by(field, false, errors)
                />
                <label for=id>{field_label(field)}</label>
            </div>
        </div>
    }
}

/// A field people never see and bots fill in. Hidden from assistive technology and out of the
/// tab order too; a submission with it filled is dropped. `of` names the form where a page has
/// two (its id must differ from the other's).
#[component]
pub fn Honeypot(#[prop(optional)] of: Option<&'static str>) -> impl IntoView {
    let id = match of {
        Some(form) => format!("{}-{form}", FormField::Website.id()),
        None => FormField::Website.id(),
    };
    view! {
        <div class="honeypot" aria-hidden="true">
            <label for=id.clone()>{field_label(FormField::Website)}</label>
            <input id=id name=FormField::Website.name() type="text" tabindex="-1" autocomplete="off"/>
        </div>
    }
}

/// The list of problems at the top of a form after a failed submit; it takes focus, and each
/// item moves focus to its field.
#[component]
pub fn ErrorSummary(id: &'static str, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let count = list.len();
            view! {
                <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=format!("{id}-title")>
                    <h2 id=format!("{id}-title")>
                        {counted(Count::FormProblems, count)}
                    </h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|e| {
                                let target = e.field.id();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{target}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus(&target);
                                            }
                                        >
                                            {problem_text(e.problem)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Said when the browser will not keep drafts or the outbox.
#[component]
pub fn NotKeptNotice(kept: Signal<bool>) -> impl IntoView {
    move || {
        (!kept.get()).then(|| {
            view! {
                <p class="notice warning" role="status">{t(Msg::FormsNotKept)}</p>
            }
        })
    }
}
