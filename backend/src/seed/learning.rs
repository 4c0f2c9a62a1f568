//! The vendor's "Get started" material and the first announcement, which every fresh database
//! starts with, demo or not (like the help library). The articles named here are in the help
//! library (`seed/help/articles/`); a test checks it.

use rusqlite::Connection;
use support_contract::home::{AnnouncementText, Severity};
use support_contract::learning::{Audience, LearningKind};
use support_contract::Locale::{self, En, Es, Fr};

use crate::store::learning::{self as learning_store, NewItem};
use crate::store::{self, home as home_store};

use Audience::{Everyone, SupportRoles};
use LearningKind::{Article, Guide, Video};

/// `(id, kind, target, minutes, audience, texts)`, in the vendor's order.
type Item = (
    &'static str,
    LearningKind,
    &'static str,
    u32,
    Audience,
    [(Locale, &'static str, &'static str); 3],
);

const ITEMS: &[Item] = &[
    (
        "portal-tour",
        Video,
        "https://learn.support-portal.example/videos/portal-tour",
        5,
        Everyone,
        [
            (En, "A five-minute tour of the Support Portal", "Where cases, chat, service history and help live, and what changes for your organisation."),
            (Fr, "Visite du portail d'assistance en cinq minutes", "Où trouver les dossiers d'assistance, le chat, l'historique des services et l'aide, et ce qui change pour votre organisation."),
            (Es, "Recorrido de cinco minutos por el portal de asistencia técnica", "Dónde están los casos, el chat, el historial de servicios y la ayuda, y qué cambia para su organización."),
        ],
    ),
    (
        "language-and-time-zone",
        Guide,
        "/settings",
        2,
        Everyone,
        [
            (En, "Choose your language and time zone", "Set the language of the portal and its emails, and the time zone every date is shown in."),
            (Fr, "Choisir votre langue et votre fuseau horaire", "Réglez la langue du portail et de ses e-mails, et le fuseau horaire de toutes les dates affichées."),
            (Es, "Elegir su idioma y su zona horaria", "Configure el idioma del portal y de sus correos, y la zona horaria en la que se muestran las fechas."),
        ],
    ),
    (
        "find-answers",
        Guide,
        "/help",
        4,
        Everyone,
        [
            (En, "Find answers in help topics and forums", "Search the help topics in your language and see which forum threads other customers find useful."),
            (Fr, "Trouver des réponses dans les rubriques d'aide et les forums", "Recherchez dans les rubriques d'aide dans votre langue et voyez les discussions de forum utiles aux autres clients."),
            (Es, "Encontrar respuestas en los temas de ayuda y los foros", "Busque en los temas de ayuda en su idioma y vea qué hilos de los foros resultan útiles a otros clientes."),
        ],
    ),
    (
        "file-your-first-case",
        Guide,
        "/cases/new",
        6,
        SupportRoles,
        [
            (En, "File your first support case", "Choose the product and the priority that fits, describe the problem and attach what helps support reproduce it."),
            (Fr, "Envoyer votre premier dossier d'assistance", "Choisissez le produit et la priorité qui convient, décrivez le problème et joignez ce qui aide l'assistance à le reproduire."),
            (Es, "Enviar su primer caso de asistencia técnica", "Elija el producto y la prioridad adecuada, describa el problema y adjunte lo que ayude a asistencia técnica a reproducirlo."),
        ],
    ),
    (
        "chat-with-support",
        Video,
        "https://learn.support-portal.example/videos/chat-with-support",
        4,
        SupportRoles,
        [
            (En, "Chat with support about Analytics", "Start a chat within business hours, send screenshots, and turn the conversation into a case when it needs more time."),
            (Fr, "Discuter avec l'assistance à propos d'Analytics", "Lancez une discussion pendant les heures ouvrées, envoyez des captures d'écran et transformez la conversation en dossier d'assistance si elle demande plus de temps."),
            (Es, "Chatear con asistencia técnica sobre Analytics", "Inicie un chat en horario laboral, envíe capturas de pantalla y convierta la conversación en un caso cuando necesite más tiempo."),
        ],
    ),
    (
        "follow-service-history",
        Guide,
        "/history",
        5,
        SupportRoles,
        [
            (En, "Follow your organisation's service history", "See every case, chat and callback over the year, how fast support answered, and download it as CSV."),
            (Fr, "Suivre l'historique des services de votre organisation", "Consultez tous les dossiers, discussions et rappels de l'année, la rapidité des réponses de l'assistance, et téléchargez-les au format CSV."),
            (Es, "Seguir el historial de servicios de su organización", "Vea todos los casos, chats y devoluciones de llamada del año, la rapidez de las respuestas de asistencia técnica, y descárguelos en CSV."),
        ],
    ),
    (
        "analytics-missing-data",
        Article,
        "report-suite-data-missing",
        8,
        Everyone,
        [
            (En, "Analytics: when data is missing from a report suite", "The checks to make before filing a case, and what to include in it if the data is still missing."),
            (Fr, "Analytics : quand des données manquent dans une suite de rapports", "Les vérifications à faire avant d'envoyer un dossier d'assistance, et quoi y joindre si les données manquent toujours."),
            (Es, "Analytics: cuando faltan datos en un grupo de informes", "Las comprobaciones que conviene hacer antes de enviar un caso y qué incluir si los datos siguen faltando."),
        ],
    ),
    (
        "target-flicker",
        Article,
        "flicker-before-experience",
        7,
        Everyone,
        [
            (En, "Target: stop the flicker before an experience loads", "Why the original page shows for a moment before a Target experience, and how to prevent it."),
            (Fr, "Target : éviter le scintillement avant le chargement d'une expérience", "Pourquoi la page d'origine s'affiche un instant avant une expérience Target, et comment l'éviter."),
            (Es, "Target: evitar el parpadeo antes de que se cargue una experiencia", "Por qué la página original aparece un instante antes de una experiencia de Target y cómo evitarlo."),
        ],
    ),
    (
        "audience-manager-segments",
        Article,
        "segment-population-low",
        6,
        Everyone,
        [
            (En, "Audience Manager: when a segment's population looks low", "How segment populations are counted, how long they take to update, and what to check first."),
            (Fr, "Audience Manager : quand la population d'un segment paraît faible", "Comment la population des segments est calculée, combien de temps sa mise à jour prend, et quoi vérifier d'abord."),
            (Es, "Audience Manager: cuando la población de un segmento parece baja", "Cómo se cuenta la población de los segmentos, cuánto tarda en actualizarse y qué comprobar primero."),
        ],
    ),
];

/// Days the first announcement stays up.
const ANNOUNCEMENT_DAYS: i64 = 60;

/// The first announcement: the portal is the one place for support, in the announcement's own
/// words (`shared/seeds/`).
fn welcome() -> Vec<AnnouncementText> {
    [
        (En, "Support for Analytics, Target and Audience Manager is now in one portal", "File and follow cases, chat with support about Analytics and see your whole service history here. Until your support users are set up, call support as before."),
        (Fr, "L'assistance pour Analytics, Target et Audience Manager est désormais réunie dans un seul portail", "Envoyez et suivez vos dossiers d'assistance, discutez avec l'assistance à propos d'Analytics et consultez tout votre historique des services ici. Tant que vos utilisateurs de l'assistance ne sont pas configurés, appelez l'assistance comme avant."),
        (Es, "La asistencia para Analytics, Target y Audience Manager ya está en un único portal", "Envíe y siga sus casos, chatee con asistencia técnica sobre Analytics y vea todo su historial de servicios aquí. Hasta que se configuren sus usuarios de asistencia técnica, llame a asistencia técnica como hasta ahora."),
    ]
    .into_iter()
    .map(|(language, title, body)| AnnouncementText {
        language,
        title: title.into(),
        body: body.into(),
    })
    .collect()
}

/// Fills an empty learning library and an empty list of announcements. Returns whether it
/// wrote anything.
pub fn seed_learning(conn: &mut Connection, now: i64) -> store::Result<bool> {
    let tx = conn.transaction()?;
    let mut wrote = false;
    if learning_store::item_count(&tx)? == 0 {
        for (position, (id, kind, target, minutes, audience, texts)) in ITEMS.iter().enumerate() {
            learning_store::insert_item(
                &tx,
                &NewItem {
                    id,
                    kind: *kind,
                    target,
                    duration_minutes: *minutes,
                    audience: *audience,
                    position: position as u32 + 1,
                    texts,
                },
            )?;
        }
        wrote = true;
    }
    if home_store::announcement_count(&tx)? == 0 {
        let until = now + ANNOUNCEMENT_DAYS * 86_400;
        home_store::insert_announcement(&tx, Severity::Info, now, Some(until), &welcome(), now)?;
        wrote = true;
    }
    tx.commit()?;
    Ok(wrote)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::help::library;

    #[test]
    fn every_article_item_names_an_article_of_the_help_library() {
        let slugs: Vec<&str> = library().iter().map(|a| a.slug).collect();
        for (id, kind, target, ..) in ITEMS {
            match kind {
                Article => assert!(slugs.contains(target), "{id} names {target}"),
                Guide => assert!(target.starts_with('/'), "{id}"),
                _ => assert!(target.starts_with("https://"), "{id}"),
            }
        }
    }

    #[test]
    fn every_item_and_the_announcement_speak_three_languages() {
        for (id, .., texts) in ITEMS {
            let languages: Vec<Locale> = texts.iter().map(|t| t.0).collect();
            assert_eq!(languages, [En, Fr, Es], "{id}");
        }
        let welcome: Vec<Locale> = welcome().iter().map(|t| t.language).collect();
        assert_eq!(welcome, [En, Fr, Es]);
    }
}
