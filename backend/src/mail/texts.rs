//! The mails' words in English, French and Spanish. Role names are the announcement's (see
//! PRODUCT.md); people's names are inserted as plain text.

use support_contract::{Locale, Role};

/// A role's name in a language.
pub fn role_name(locale: Locale, role: Role) -> &'static str {
    match (locale, role) {
        (Locale::En, Role::SupportSystemAdmin) => "Support System Administrator",
        (Locale::Fr, Role::SupportSystemAdmin) => "Administrateur système d'assistance",
        (Locale::Es, Role::SupportSystemAdmin) => "Administrador del sistema de asistencia técnica",
        (Locale::En, _) => "Customer Support Administrator",
        (Locale::Fr, _) => "Administrateur du service clientèle",
        (Locale::Es, _) => "Administrador de Atención al cliente",
    }
}

/// A subject and a body.
pub type Text = (String, String);

/// What an invitation says.
pub struct Invitation<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
    pub role: Role,
    /// Who created the user.
    pub inviter: &'a str,
    /// The set-password link.
    pub link: &'a str,
    /// How many days the link works.
    pub days: i64,
}

/// The invitation to choose a password.
pub fn invitation(locale: Locale, i: &Invitation) -> Text {
    let Invitation {
        name,
        organisation: org,
        inviter,
        link,
        days,
        ..
    } = i;
    let role = role_name(locale, i.role);
    match locale {
        Locale::En => (
            format!("Your invitation to the {org} Support Portal"),
            format!(
                "Hello {name},\n\n\
                 {inviter} has given you access to the {org} Support Portal as {role}.\n\n\
                 Choose your password within {days} days to activate your account:\n{link}\n\n\
                 The link works once. If you did not expect this invitation, ignore this email: \
                 nothing happens until a password is chosen.\n"
            ),
        ),
        Locale::Fr => (
            format!("Votre invitation au portail d'assistance de {org}"),
            format!(
                "Bonjour {name},\n\n\
                 {inviter} vous a donné accès au portail d'assistance de {org} en tant que {role}.\n\n\
                 Choisissez votre mot de passe dans les {days} jours pour activer votre compte :\n{link}\n\n\
                 Le lien ne fonctionne qu'une fois. Si vous n'attendiez pas cette invitation, ignorez \
                 ce message : rien ne se passe tant qu'aucun mot de passe n'est choisi.\n"
            ),
        ),
        Locale::Es => (
            format!("Su invitación al portal de asistencia de {org}"),
            format!(
                "Hola, {name}:\n\n\
                 {inviter} le ha dado acceso al portal de asistencia de {org} como {role}.\n\n\
                 Elija su contraseña en los próximos {days} días para activar su cuenta:\n{link}\n\n\
                 El enlace solo funciona una vez. Si no esperaba esta invitación, ignore este \
                 mensaje: no ocurrirá nada hasta que se elija una contraseña.\n"
            ),
        ),
    }
}

/// To a member of the organisation who was given a support role: they keep their password.
pub fn access_granted(
    locale: Locale,
    name: &str,
    org: &str,
    role: Role,
    granter: &str,
    link: &str,
) -> Text {
    let role = role_name(locale, role);
    match locale {
        Locale::En => (
            format!("You now have support access in the {org} Support Portal"),
            format!(
                "Hello {name},\n\n\
                 {granter} has given you the {role} role in the {org} Support Portal.\n\n\
                 Sign in with your usual email and password:\n{link}\n"
            ),
        ),
        Locale::Fr => (
            format!("Vous avez désormais accès à l'assistance dans le portail de {org}"),
            format!(
                "Bonjour {name},\n\n\
                 {granter} vous a attribué le rôle {role} dans le portail d'assistance de {org}.\n\n\
                 Connectez-vous avec votre adresse e-mail et votre mot de passe habituels :\n{link}\n"
            ),
        ),
        Locale::Es => (
            format!("Ya tiene acceso a la asistencia en el portal de {org}"),
            format!(
                "Hola, {name}:\n\n\
                 {granter} le ha asignado el rol {role} en el portal de asistencia de {org}.\n\n\
                 Inicie sesión con su correo electrónico y su contraseña habituales:\n{link}\n"
            ),
        ),
    }
}

/// What the administrators are told about a new support user.
pub struct UserCreated<'a> {
    /// The administrator receiving the mail.
    pub recipient: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub role: Role,
    /// Who created them.
    pub actor: &'a str,
    /// True when they were sent an invitation; false when they already had an account.
    pub invited: bool,
    /// The support-users page.
    pub link: &'a str,
}

/// The system email both administrator roles get when a support user is created.
pub fn user_created(locale: Locale, u: &UserCreated) -> Text {
    let UserCreated {
        recipient,
        name,
        email,
        actor,
        link,
        ..
    } = u;
    let role = role_name(locale, u.role);
    match locale {
        Locale::En => {
            let next = if u.invited {
                "They have been sent an invitation to choose a password."
            } else {
                "They already had an account and can sign in now."
            };
            (
                format!("New support user: {name}"),
                format!(
                    "Hello {recipient},\n\n\
                     {name} <{email}> was created as {role} by {actor}.\n\n{next}\n\n\
                     The organisation's support users:\n{link}\n"
                ),
            )
        }
        Locale::Fr => {
            let next = if u.invited {
                "Une invitation à choisir un mot de passe lui a été envoyée."
            } else {
                "Cette personne avait déjà un compte et peut se connecter dès maintenant."
            };
            (
                format!("Nouvel utilisateur de l'assistance : {name}"),
                format!(
                    "Bonjour {recipient},\n\n\
                     {name} <{email}> a été créé en tant que {role} par {actor}.\n\n{next}\n\n\
                     Les utilisateurs de l'assistance de l'organisation :\n{link}\n"
                ),
            )
        }
        Locale::Es => {
            let next = if u.invited {
                "Se le ha enviado una invitación para elegir una contraseña."
            } else {
                "Ya tenía una cuenta y puede iniciar sesión ahora."
            };
            (
                format!("Nuevo usuario de asistencia: {name}"),
                format!(
                    "Hola, {recipient}:\n\n\
                     {actor} ha creado a {name} <{email}> como {role}.\n\n{next}\n\n\
                     Usuarios de asistencia de la organización:\n{link}\n"
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_the_role_and_carries_the_link() {
        for locale in Locale::ALL {
            let i = Invitation {
                name: "Ana",
                organisation: "Northwind",
                role: Role::CustomerSupportAdmin,
                inviter: "Alex",
                link: "http://x/set-password#token=T",
                days: 7,
            };
            let (subject, body) = invitation(locale, &i);
            assert!(subject.contains("Northwind"));
            assert!(body.contains("http://x/set-password#token=T\n"), "{body}");
            assert!(body.contains(role_name(locale, Role::CustomerSupportAdmin)));
            assert!(body.contains(" 7 "), "{body}");
            let (_, body) = user_created(
                locale,
                &UserCreated {
                    recipient: "Casey",
                    name: "Ana",
                    email: "ana@x.example",
                    role: Role::SupportSystemAdmin,
                    actor: "Alex",
                    invited: true,
                    link: "http://x/support-users",
                },
            );
            assert!(body.contains("Ana <ana@x.example>"), "{body}");
            assert!(body.contains(role_name(locale, Role::SupportSystemAdmin)));
            let (_, body) = access_granted(
                locale,
                "Sam",
                "Northwind",
                Role::SupportSystemAdmin,
                "Alex",
                "http://x/",
            );
            assert!(body.contains("http://x/\n"));
        }
        assert_eq!(
            user_created(
                Locale::En,
                &UserCreated {
                    recipient: "Casey",
                    name: "Ana Ruiz",
                    email: "ana@x.example",
                    role: Role::CustomerSupportAdmin,
                    actor: "Alex Morgan",
                    invited: true,
                    link: "l",
                }
            )
            .1
            .lines()
            .nth(2),
            Some("Ana Ruiz <ana@x.example> was created as Customer Support Administrator by Alex Morgan.")
        );
    }
}
