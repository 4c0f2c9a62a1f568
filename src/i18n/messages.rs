//! Every string a person sees, in English, French and Spanish, one row per key.
//!
//! A row without all three languages does not compile, so no key can lack a translation. Role
//! names and phase wording follow the announcement in `shared/seeds/`. Placeholders are `{name}`.
//!
//! A plain build holds every text. In a split build (`--features split`) the first load holds
//! only the English of the rows above `@later`, the texts it shows. The English of the rows
//! below travels with the code of the pages from chunks: every one of them hands it over with
//! [`add_later_english`] before it is built, so wasm-split puts it in a module that every area
//! shares, which comes with the first of them. `scripts/build.mjs` writes French and Spanish
//! whole to one file each (one text per line, in key order, read from these rows), which the
//! app fetches when the language is chosen and hands over with [`add_texts`]. Until a language
//! is all here [`has_texts`] says no, and [`text`] answers French and Spanish in English.

use support_contract::Locale;

macro_rules! messages {
    (
        $($key:ident => $en:literal, $fr:literal, $es:literal;)*
        @later
        $($lkey:ident => $len:literal, $lfr:literal, $les:literal;)*
    ) => {
        /// A translatable string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* $($lkey),* }

        impl Key {
            /// Every key, for the completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key,)* $(Key::$lkey),*];
            /// Where the keys below `@later` start.
            pub const LATER: usize = [$(Key::$key),*].len();
        }

        // Each language is one string and the end of each key's text in it: a fraction of the
        // bytes of a `match` per language, which the first load would carry.
        const EN: Texts = Texts(concat!($($en),*), &ends([$($en.len()),*]));
        // In a split build, only `add_later_english` reads this, from the pages' chunks
        // (see `app::lazy::page!`), which take these texts along out of the first load.
        const EN_LATER: Texts = Texts(concat!($($len),*), &ends([$($len.len()),*]));
        #[cfg(not(feature = "split"))]
        const FR: Texts = Texts(concat!($($fr,)* $($lfr),*), &ends([$($fr.len(),)* $($lfr.len()),*]));
        #[cfg(not(feature = "split"))]
        const ES: Texts = Texts(concat!($($es,)* $($les),*), &ends([$($es.len(),)* $($les.len()),*]));
    };
}

/// One language's texts, end to end, and where each key's text ends.
struct Texts(&'static str, &'static [u16]);

/// Where each text ends, from their lengths (checked at compile time to fit in `u16`).
const fn ends<const N: usize>(lengths: [usize; N]) -> [u16; N] {
    let mut ends = [0u16; N];
    let mut end = 0;
    let mut i = 0;
    while i < N {
        end += lengths[i];
        assert!(
            end <= u16::MAX as usize,
            "a language's texts outgrew u16 offsets"
        );
        ends[i] = end as u16;
        i += 1;
    }
    ends
}

impl Texts {
    /// The `i`th text.
    fn get(&self, i: usize) -> &'static str {
        let Texts(all, ends) = *self;
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        all.get(start..ends[i] as usize).unwrap_or_default()
    }
}

/// The text of `key` in `locale`. French and Spanish answer in English until their texts
/// arrive; in a split build the English of a key below `@later` is empty until a page from a
/// chunk has handed it over, which every such page does before it is built.
pub fn text(key: Key, locale: Locale) -> &'static str {
    let i = key as usize;
    match locale {
        Locale::En if i < Key::LATER => EN.get(i),
        #[cfg(not(feature = "split"))]
        Locale::En => EN_LATER.get(i - Key::LATER),
        #[cfg(not(feature = "split"))]
        Locale::Fr => FR.get(i),
        #[cfg(not(feature = "split"))]
        Locale::Es => ES.get(i),
        #[cfg(feature = "split")]
        locale => match fetched::text(key, locale) {
            Some(text) => text,
            None if locale != Locale::En => text(key, Locale::En),
            None => "",
        },
    }
}

/// Whether every text of `locale` the portal can show now is here: English always (the first
/// load's is built in, and the rest comes with the pages that show it), French and Spanish
/// once fetched and added.
pub fn has_texts(locale: Locale) -> bool {
    #[cfg(feature = "split")]
    return locale == Locale::En || fetched::has(locale);
    #[cfg(not(feature = "split"))]
    {
        let _ = locale;
        true
    }
}

/// Adds the fetched texts of `locale` (French or Spanish): one per line, in key order. Refused
/// (`false`) unless there is exactly one per key, so a file from another release never shows
/// wrong texts.
pub fn add_texts(locale: Locale, file: &str) -> bool {
    let texts: Vec<&str> = file.lines().collect();
    if locale == Locale::En || texts.len() != Key::ALL.len() {
        return false;
    }
    #[cfg(feature = "split")]
    fetched::add(locale, texts);
    true
}

/// Adds the English of the keys below `@later` (once). Called by the pages from chunks only:
/// whatever calls it carries them.
pub fn add_later_english() {
    #[cfg(feature = "split")]
    if !fetched::has(Locale::En) {
        fetched::add(
            Locale::En,
            (0..Key::ALL.len() - Key::LATER)
                .map(|i| EN_LATER.get(i))
                .collect(),
        );
    }
}

#[cfg(feature = "split")]
mod fetched {
    use super::{Key, Locale};
    use std::cell::RefCell;

    thread_local! {
        /// Each fetched language's texts, kept for the page's life.
        static TEXTS: RefCell<Vec<(Locale, &'static [&'static str])>> = const { RefCell::new(Vec::new()) };
    }

    /// The fetched text of `key`: English starts at `Key::LATER`.
    pub(super) fn text(key: Key, locale: Locale) -> Option<&'static str> {
        let first = if locale == Locale::En { Key::LATER } else { 0 };
        let i = (key as usize).checked_sub(first)?;
        TEXTS.with_borrow(|all| {
            all.iter()
                .find(|(l, _)| *l == locale)
                .and_then(|(_, texts)| texts.get(i).copied())
        })
    }

    pub(super) fn has(locale: Locale) -> bool {
        TEXTS.with_borrow(|all| all.iter().any(|(l, _)| *l == locale))
    }

    pub(super) fn add(locale: Locale, texts: Vec<&str>) {
        if has(locale) {
            return;
        }
        // Leaked once per language: every view borrows its texts for the page's life.
        let owned: Vec<&'static str> = texts
            .into_iter()
            .map(|t| &*Box::leak(t.to_owned().into_boxed_str()))
            .collect();
        TEXTS.with_borrow_mut(|all| all.push((locale, Box::leak(owned.into_boxed_slice()))));
    }
}

messages! {
    // Shell
    AppName => "Support Portal", "Portail d'assistance", "Portal de asistencia técnica";
    SkipToContent => "Skip to main content", "Aller au contenu principal", "Saltar al contenido principal";
    Language => "Language", "Langue", "Idioma";
    LanguageNotLoaded => "{language} could not be loaded. Check your connection and choose it again.", "La langue {language} n'a pas pu être chargée. Vérifiez votre connexion et choisissez-la de nouveau.", "No se pudo cargar el idioma {language}. Compruebe su conexión y vuelva a elegirlo.";
    SignOut => "Sign out", "Se déconnecter", "Cerrar sesión";
    MainNavigation => "Main navigation", "Navigation principale", "Navegación principal";
    Menu => "Menu", "Menu", "Menú";
    Loading => "Loading…", "Chargement…", "Cargando…";
    SignedInAs => "Signed in as {name}", "Connecté en tant que {name}", "Sesión iniciada como {name}";
    OrganisationLabel => "Organisation", "Organisation", "Organización";
    OrganisationSwitchFailed => "The organisation could not be switched. Try again.", "Impossible de changer d'organisation. Réessayez.", "No se pudo cambiar de organización. Vuelva a intentarlo.";
    NavHome => "Home", "Accueil", "Inicio";
    NavCases => "Cases", "Dossiers d'assistance", "Casos";
    NavHistory => "Service history", "Historique des services", "Historial de servicios";
    NavHelp => "Help and forums", "Aide et forums", "Ayuda y foros";
    NavContact => "Contact support", "Contacter l'assistance", "Contactar con asistencia técnica";
    NavSupportUsers => "Support users", "Utilisateurs de l'assistance", "Usuarios de asistencia técnica";
    NavSettings => "Settings", "Paramètres", "Configuración";

    // Roles, as the announcement names them
    RoleSupportSystemAdmin => "Support System Administrator", "Administrateur système d'assistance", "Administrador del sistema de asistencia técnica";
    RoleCustomerSupportAdmin => "Customer Support Administrator", "Administrateur du service clientèle", "Administrador de Atención al cliente";
    RoleMember => "Member without a support role", "Membre sans rôle d'assistance", "Miembro sin función de asistencia técnica";
    RoleUnknown => "Other role", "Autre rôle", "Otra función";

    // Sign-in and session
    SignIn => "Sign in", "Se connecter", "Iniciar sesión";
    SessionEndedTitle => "Your session has ended", "Votre session a pris fin", "Su sesión ha finalizado";
    SessionEndedBody => "Sign in again to continue where you left off. What you typed is kept.", "Reconnectez-vous pour reprendre là où vous en étiez. Ce que vous avez saisi est conservé.", "Vuelva a iniciar sesión para continuar donde lo dejó. Lo que escribió se conserva.";

    // Errors, by ApiError and field code
    ErrInvalidCredentials => "The email or password is not right. Check them and try again.", "L'adresse e-mail ou le mot de passe est incorrect. Vérifiez-les et réessayez.", "El correo electrónico o la contraseña no son correctos. Revíselos e inténtelo de nuevo.";
    ErrTooManyAttempts => "Too many failed attempts. Try again in {minutes} min.", "Trop de tentatives infructueuses. Réessayez dans {minutes} min.", "Demasiados intentos fallidos. Vuelva a intentarlo dentro de {minutes} min.";
    ErrRequired => "This field is required.", "Ce champ est obligatoire.", "Este campo es obligatorio.";
    ErrInvalidEmail => "Enter an email address such as name@example.com.", "Saisissez une adresse e-mail telle que nom@exemple.com.", "Introduzca un correo electrónico como nombre@ejemplo.com.";
    ErrInvalidTimeZone => "Choose a time zone from the list.", "Choisissez un fuseau horaire dans la liste.", "Elija una zona horaria de la lista.";
    ErrInvalidValue => "This value is not valid.", "Cette valeur n'est pas valide.", "Este valor no es válido.";
    ErrValidation => "Some fields need attention.", "Certains champs sont à corriger.", "Algunos campos necesitan corrección.";
    ErrNetwork => "The portal cannot reach the server. Check your connection and try again.", "Le portail ne parvient pas à joindre le serveur. Vérifiez votre connexion et réessayez.", "El portal no puede conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.";
    ErrServer => "Something went wrong on the server. Try again in a moment.", "Un problème est survenu sur le serveur. Réessayez dans un instant.", "Se produjo un error en el servidor. Inténtelo de nuevo en un momento.";
    ErrForbidden => "Your role does not allow this.", "Votre rôle ne le permet pas.", "Su función no lo permite.";
    ErrNotFound => "This item does not exist or you cannot see it.", "Cet élément n'existe pas ou vous ne pouvez pas le voir.", "Este elemento no existe o no puede verlo.";
    ErrConflict => "This was changed meanwhile. Reload to see the latest version.", "Cet élément a été modifié entre-temps. Rechargez pour voir la dernière version.", "Esto se modificó mientras tanto. Vuelva a cargar para ver la última versión.";
    ErrDecode => "The server sent an answer the portal does not understand.", "Le serveur a envoyé une réponse que le portail ne comprend pas.", "El servidor envió una respuesta que el portal no entiende.";
    ErrUnauthenticated => "Your session has ended. Sign in again to continue.", "Votre session a pris fin. Reconnectez-vous pour continuer.", "Su sesión ha finalizado. Vuelva a iniciar sesión para continuar.";
    TryAgain => "Try again", "Réessayer", "Reintentar";
    ChunkFailedTitle => "This page could not be loaded", "Impossible de charger cette page", "No se pudo cargar esta página";
    ChunkFailedBody => "Part of the portal did not arrive, perhaps because the connection dropped. Check your connection and try again.", "Une partie du portail n'est pas arrivée, peut-être à cause d'une coupure de connexion. Vérifiez votre connexion et réessayez.", "Una parte del portal no llegó, quizá porque se cortó la conexión. Compruebe su conexión y vuelva a intentarlo.";

    // Access, not found
    AccessTitle => "You do not have access to this page", "Vous n'avez pas accès à cette page", "No tiene acceso a esta página";
    AccessNeedsRole => "This page is for: {roles}.", "Cette page est réservée aux rôles suivants : {roles}.", "Esta página es para: {roles}.";
    AccessYourRole => "Your role: {role}.", "Votre rôle : {role}.", "Su función: {role}.";
    AskAdmins => "To get access, ask one of your organisation's support administrators:", "Pour obtenir l'accès, adressez-vous à l'un des administrateurs de l'assistance de votre organisation :", "Para obtener acceso, pida a uno de los administradores de asistencia técnica de su organización:";
    NoSupportAdmins => "Your organisation has no support administrator yet. Call support: the numbers are on the Contact support page.", "Votre organisation n'a pas encore d'administrateur de l'assistance. Appelez l'assistance : les numéros figurent sur la page Contacter l'assistance.", "Su organización aún no tiene administrador de asistencia técnica. Llame a asistencia técnica: los números están en la página Contactar con asistencia técnica.";
    BackHome => "Go to the home page", "Aller à la page d'accueil", "Ir a la página de inicio";
    NotFoundTitle => "Page not found", "Page introuvable", "Página no encontrada";
    NotFoundBody => "The address may be mistyped, or the page has moved.", "L'adresse est peut-être mal saisie, ou la page a été déplacée.", "Puede que la dirección esté mal escrita o que la página se haya movido.";

    // Home
    Greeting => "Hello, {name}", "Bonjour, {name}", "Hola, {name}";
    PhaseSetupTitle => "The portal is not yet active for submitting cases", "Le portail n'est pas encore actif pour l'envoi de dossiers d'assistance", "El portal aún no está activo para enviar casos de asistencia técnica";
    PhaseSetupBody => "Support users are being set up. Meanwhile, call support:", "Les utilisateurs de l'assistance sont en cours de configuration. En attendant, appelez l'assistance :", "Se están configurando los usuarios de asistencia técnica. Mientras tanto, llame a asistencia técnica:";
    PhaseEnablementTitle => "Get started with the portal", "Bien démarrer avec le portail", "Primeros pasos con el portal";
    PhaseEnablementBody => "Learning material is available to every portal user.", "Des supports pédagogiques sont fournis à tous les utilisateurs du portail.", "Se facilita material didáctico a todos los usuarios del portal.";
    OpenLearning => "Open the learning material", "Ouvrir les supports pédagogiques", "Abrir el material didáctico";
    WhatYouCanDo => "What you can do here", "Ce que vous pouvez faire ici", "Qué puede hacer aquí";
    CapManageCases => "File support cases and work them with the support team.", "Gérer vos dossiers d'assistance avec le service clientèle.", "Administrar sus casos de asistencia técnica con el equipo de Atención al cliente.";
    CapChat => "Chat live with the support team.", "Lancer des conversations dans le chat avec le service clientèle.", "Iniciar conversaciones de chat con el equipo de Atención al cliente.";
    CapViewHistory => "See your organisation's whole service history.", "Consulter tout l'historique des services de votre organisation.", "Ver todo el historial de servicios de su organización.";
    CapBrowseHelp => "Browse help topics and popular forums.", "Parcourir les rubriques d'aide et les forums populaires.", "Ver temas de ayuda y foros populares.";
    CapManageUsers => "Create and remove support users and control their access roles.", "Créer et supprimer des utilisateurs de l'assistance et contrôler leurs rôles d'accès.", "Crear o eliminar usuarios de asistencia técnica y administrar sus funciones de acceso.";
    CapReviewUsers => "Review and validate your organisation's support users.", "Examiner et valider les utilisateurs de l'assistance de votre organisation.", "Revisar y validar los usuarios de asistencia técnica de su organización.";
    MemberAccessHint => "To file cases or chat with support, ask one of your support administrators for a support role:", "Pour envoyer des dossiers ou discuter avec l'assistance, demandez un rôle d'assistance à l'un de vos administrateurs de l'assistance :", "Para enviar casos o chatear con asistencia técnica, pida una función de asistencia técnica a uno de sus administradores:";

    // Learning and home
    LearningTitle => "Get started", "Bien démarrer", "Primeros pasos";
    LearningProgress => "Your progress", "Votre progression", "Su progreso";
    LearningDoneOf => "{done} of {total} done", "{done} sur {total} terminés", "{done} de {total} completados";
    LearningAllDone => "All done: you have gone through everything in Get started.", "Terminé : vous avez parcouru tout le contenu de Bien démarrer.", "Todo completado: ha revisado todo el contenido de Primeros pasos.";
    LearningNothing => "There is no learning material yet.", "Aucun support pédagogique pour l'instant.", "Todavía no hay material didáctico.";
    LearningNext => "Next: {title}", "Suivant : {title}", "Siguiente: {title}";
    LearningContinue => "Continue in Get started", "Continuer dans Bien démarrer", "Continuar en Primeros pasos";
    HomeLearningLink => "Get started: guides and videos about the portal", "Bien démarrer : guides et vidéos sur le portail", "Primeros pasos: guías y vídeos sobre el portal";
    HomeNeedsYou => "What needs you", "Ce qui vous attend", "Lo que requiere su atención";
    HomeAwaitingTitle => "Cases awaiting your reply", "Dossiers en attente de votre réponse", "Casos pendientes de su respuesta";
    HomeAwaitingNone => "No case awaits your reply.", "Aucun dossier n'attend votre réponse.", "Ningún caso está pendiente de su respuesta.";
    HomeAwaitingOne => "1 case awaits your reply.", "1 dossier attend votre réponse.", "1 caso está pendiente de su respuesta.";
    HomeAwaitingMany => "{count} cases await your reply.", "{count} dossiers attendent votre réponse.", "{count} casos están pendientes de su respuesta.";
    HomeAwaitingAll => "See every case awaiting your reply", "Voir tous les dossiers en attente de votre réponse", "Ver todos los casos pendientes de su respuesta";
    HomeOpenTitle => "Your open cases", "Vos dossiers ouverts", "Sus casos abiertos";
    HomeOpenNone => "You have no open case.", "Vous n'avez aucun dossier ouvert.", "No tiene ningún caso abierto.";
    HomeOpenOne => "You have 1 open case.", "Vous avez 1 dossier ouvert.", "Tiene 1 caso abierto.";
    HomeOpenMany => "You have {count} open cases.", "Vous avez {count} dossiers ouverts.", "Tiene {count} casos abiertos.";
    HomeOpenAll => "See your open cases", "Voir vos dossiers ouverts", "Ver sus casos abiertos";
    HomeChatTitle => "Your chat", "Votre discussion", "Su chat";
    HomeChatNone => "You have no open chat.", "Vous n'avez aucune discussion en cours.", "No tiene ningún chat abierto.";
    HomeChatQueued => "Your chat about “{topic}” is waiting for a support engineer.", "Votre discussion « {topic} » attend un ingénieur de l'assistance.", "Su chat sobre «{topic}» está esperando a un ingeniero de asistencia técnica.";
    HomeChatActive => "Your chat about “{topic}” is in progress.", "Votre discussion « {topic} » est en cours.", "Su chat sobre «{topic}» está en curso.";
    HomeChatResume => "Resume the chat", "Reprendre la discussion", "Reanudar el chat";
    HomeCallbacksTitle => "Callback requests", "Demandes de rappel", "Solicitudes de devolución de llamada";
    HomeCallbacksNone => "No callback request is waiting.", "Aucune demande de rappel n'est en attente.", "No hay ninguna solicitud de devolución de llamada pendiente.";
    HomeCallbacksOne => "1 callback request is waiting for support to call.", "1 demande de rappel attend l'appel de l'assistance.", "1 solicitud de devolución de llamada espera la llamada de asistencia técnica.";
    HomeCallbacksMany => "{count} callback requests are waiting for support to call.", "{count} demandes de rappel attendent l'appel de l'assistance.", "{count} solicitudes de devolución de llamada esperan la llamada de asistencia técnica.";
    HomeUsersTitle => "Support users", "Utilisateurs de l'assistance", "Usuarios de asistencia técnica";
    HomeReviewNone => "No support user is waiting for review.", "Aucun utilisateur de l'assistance n'attend d'examen.", "Ningún usuario de asistencia técnica está pendiente de revisión.";
    HomeReviewOne => "1 support user is waiting for review.", "1 utilisateur de l'assistance attend un examen.", "1 usuario de asistencia técnica está pendiente de revisión.";
    HomeReviewMany => "{count} support users are waiting for review.", "{count} utilisateurs de l'assistance attendent un examen.", "{count} usuarios de asistencia técnica están pendientes de revisión.";
    HomeInvitedNone => "Every invitation has been accepted.", "Toutes les invitations ont été acceptées.", "Se han aceptado todas las invitaciones.";
    HomeInvitedOne => "1 invitation has not been accepted yet.", "1 invitation n'a pas encore été acceptée.", "1 invitación aún no se ha aceptado.";
    HomeInvitedMany => "{count} invitations have not been accepted yet.", "{count} invitations n'ont pas encore été acceptées.", "{count} invitaciones aún no se han aceptado.";
    HomeInvitedLink => "See the invited support users", "Voir les utilisateurs de l'assistance invités", "Ver los usuarios de asistencia técnica invitados";
    HomeAnnouncementsTitle => "Announcements", "Annonces", "Anuncios";
    HomeAnnouncementsNone => "No announcements right now.", "Aucune annonce pour le moment.", "No hay anuncios en este momento.";
    AnnouncementUntil => "Until {date}", "Jusqu'au {date}", "Hasta el {date}";
    SeverityInfo => "Information", "Pour information", "Información";
    SeverityWarning => "Warning", "Avertissement", "Advertencia";
    SeverityCritical => "Critical", "Critique", "Crítico";
    HomeHelpTitle => "Find help", "Trouver de l'aide", "Buscar ayuda";
    HomePopularTitle => "Popular in the forums", "Populaire dans les forums", "Popular en los foros";
    HomePopularNone => "No popular forum threads yet.", "Aucune discussion de forum populaire pour l'instant.", "Todavía no hay hilos populares en los foros.";
    HomeAllHelp => "See every help topic and forum thread", "Voir toutes les rubriques d'aide et discussions de forum", "Ver todos los temas de ayuda e hilos de los foros";
    HomeAdminsTitle => "Your support administrators", "Vos administrateurs de l'assistance", "Sus administradores de asistencia técnica";

    // Contact
    AroundTheClock => "24x7, for P1 Critical issues", "24 h/24, 7 j/7, pour les problèmes P1 critiques", "24x7, para problemas P1 críticos";
    DuringBusinessHours => "During business hours", "Pendant les heures ouvrables", "En horario laboral";
    RegionAmericas => "Americas", "Amériques", "América";
    RegionEmea => "EMEA", "EMEA", "EMEA";
    RegionApac => "APAC", "APAC", "APAC";
    RegionJapan => "Japan", "Japon", "Japón";
    ProductAnalytics => "Analytics", "Analytics", "Analytics";
    ProductTarget => "Target", "Target", "Target";
    ProductAudienceManager => "Audience Manager", "Audience Manager", "Audience Manager";
    ChannelPhone => "Phone", "Téléphone", "Teléfono";
    ChannelWeb => "Web", "Web", "Web";
    ChannelChat => "Chat", "Chat", "Chat";
    Unknown => "Unknown", "Inconnu", "Desconocido";

    // Cases: list
    Search => "Search", "Rechercher", "Buscar";
    ClearFilters => "Clear filters", "Effacer les filtres", "Borrar los filtros";
    NextPage => "Next page", "Page suivante", "Página siguiente";
    FirstPage => "First page", "Première page", "Primera página";
    StatusNew => "New", "Nouveau", "Nuevo";
    StatusInProgress => "In progress", "En cours", "En curso";
    StatusAwaitingYourReply => "Awaiting your reply", "En attente de votre réponse", "Pendiente de su respuesta";
    StatusResolutionProvided => "Resolution provided", "Solution proposée", "Solución proporcionada";
    StatusClosed => "Closed", "Fermé", "Cerrado";
    PriorityP1 => "P1 Critical", "P1 Critique", "P1 Crítica";
    PriorityP2 => "P2 Urgent", "P2 Urgente", "P2 Urgente";
    PriorityP3 => "P3 Important", "P3 Importante", "P3 Importante";
    PriorityP4 => "P4 Minor", "P4 Mineure", "P4 Menor";

    // Cases: filing
    ErrTooLong => "This is too long.", "Ce texte est trop long.", "Este texto es demasiado largo.";
    ErrInvalidPhone => "Enter a phone number such as +44 20 7946 0000.", "Saisissez un numéro de téléphone tel que +33 1 23 45 67 89.", "Introduzca un número de teléfono como +34 912 345 678.";

    // Service history
    KindCase => "Case", "Dossier", "Caso";
    KindChat => "Chat", "Discussion", "Chat";
    KindCallback => "Callback request", "Demande de rappel", "Solicitud de devolución de llamada";
    StandingOpen => "Open", "Ouvert", "Abierto";
    StandingAwaiting => "Awaiting your reply", "En attente de votre réponse", "Pendiente de su respuesta";
    StandingClosed => "Closed", "Clos", "Cerrado";
    DurationMinutes => "{n} min", "{n} min", "{n} min";
    DurationHours => "{n} h", "{n} h", "{n} h";
    DurationDays => "{n} d", "{n} j", "{n} días";

    // Attachments
    Attachments => "Attachments", "Pièces jointes", "Archivos adjuntos";
    ChooseFiles => "Attach files", "Joindre des fichiers", "Adjuntar archivos";
    DropFiles => "You can also drop files here.", "Vous pouvez aussi déposer des fichiers ici.", "También puede soltar archivos aquí.";
    FileEmpty => "{name} is empty, so it was not attached.", "{name} est vide : il n'a pas été joint.", "{name} está vacío, así que no se ha adjuntado.";
    UploadingFile => "Uploading {name}", "Envoi de {name}", "Subiendo {name}";
    UploadFailed => "{name} could not be uploaded.", "{name} n'a pas pu être envoyé.", "No se pudo subir {name}.";
    RemoveFile => "Remove {name}", "Retirer {name}", "Quitar {name}";
    Remove => "Remove", "Retirer", "Quitar";
    RetryUpload => "Try {name} again", "Réessayer {name}", "Reintentar {name}";

    // Support users
    StatusInvited => "Invited", "Invité", "Invitado";
    StatusActive => "Active", "Actif", "Activo";
    StatusRemoved => "Removed", "Supprimé", "Eliminado";
    SourcePurchaseContract => "Purchase contract", "Contrat d'achat", "Contrato de compra";
    SourceEarlierRequest => "Earlier support request", "Demande d'assistance antérieure", "Solicitud de asistencia anterior";
    SourcePortal => "Created in the portal", "Créé dans le portail", "Creado en el portal";

    // Support-user administration
    ReviewQueue => "Review and validate", "Examiner et valider", "Revisar y validar";
    ValidationPending => "Not reviewed yet", "Pas encore examiné", "Aún sin revisar";
    ValidationValidated => "Validated", "Validé", "Validado";
    ValidationFlagged => "Flagged", "Signalé", "Marcado";
    ValidationReviewDue => "Due for review again", "À examiner de nouveau", "Pendiente de una nueva revisión";
    ErrUnknownRole => "Choose one of the two support roles.", "Choisissez l'un des deux rôles d'assistance.", "Elija una de las dos funciones de asistencia técnica.";
    ErrBusy => "The server is busy. Try again in {seconds} s.", "Le serveur est surchargé. Réessayez dans {seconds} s.", "El servidor está saturado. Vuelva a intentarlo dentro de {seconds} s.";
    ErrCsvEncoding => "Save the file as UTF-8 CSV and try again.", "Enregistrez le fichier au format CSV UTF-8 et réessayez.", "Guarde el archivo como CSV UTF-8 e inténtelo de nuevo.";
    RowWillBeCreated => "Will be created", "Sera créé", "Se creará";
    RowCreated => "Created and invited", "Créé et invité", "Creado e invitado";
    RowAlreadyExists => "Already exists", "Existe déjà", "Ya existe";
    RowInvalid => "Not valid", "Non valide", "No válido";
    RowWrongColumns => "Needs three columns: email, name, role", "Trois colonnes sont nécessaires : email, name, role", "Se necesitan tres columnas: email, name, role";
    RowMissingName => "The name is missing", "Le nom manque", "Falta el nombre";
    RowNameTooLong => "The name is too long", "Le nom est trop long", "El nombre es demasiado largo";
    RowDuplicateInFile => "This email is already on an earlier row", "Cette adresse e-mail figure déjà sur une ligne précédente", "Este correo ya aparece en una fila anterior";
    SemicolonSeparator => "Separate columns with semicolons (for French and Spanish spreadsheets)", "Séparer les colonnes par des points-virgules (tableurs en français et en espagnol)", "Separar las columnas con punto y coma (hojas de cálculo en francés y español)";
    ActionUserCreated => "Support user created", "Utilisateur de l'assistance créé", "Usuario de asistencia técnica creado";
    ActionUserImported => "Support user imported", "Utilisateur de l'assistance importé", "Usuario de asistencia técnica importado";
    ActionRoleChanged => "Role changed", "Rôle modifié", "Función cambiada";
    ActionUserRemoved => "Support user removed", "Utilisateur de l'assistance supprimé", "Usuario de asistencia técnica eliminado";
    ActionUserValidated => "Validated", "Validé", "Validado";
    ActionUserFlagged => "Flagged", "Signalé", "Marcado";
    ActionInvitationAccepted => "Invitation accepted", "Invitation acceptée", "Invitación aceptada";
    ActionImportChecked => "Import checked", "Importation vérifiée", "Importación comprobada";
    AuditRowsOne => "1 row", "1 ligne", "1 fila";
    AuditRowsMany => "{count} rows", "{count} lignes", "{count} filas";
    ErrPasswordTooShort => "Use at least 12 characters.", "Utilisez au moins 12 caractères.", "Use al menos 12 caracteres.";

    // Chat
    PastChats => "Chats", "Discussions", "Historial de chat";
    ChatLauncher => "Chat with support", "Discuter avec l'assistance", "Chatear con asistencia técnica";
    ChatLauncherUnread => "Chat with support: {count} new", "Discuter avec l'assistance : {count} nouveaux", "Chatear con asistencia técnica: {count} nuevos";
    ChatLauncherClosed => "Chat with support: closed now", "Discuter avec l'assistance : fermé pour le moment", "Chatear con asistencia técnica: cerrado ahora";
    ChatTitle => "Chat with support", "Discussion avec l'assistance", "Chat con asistencia técnica";
    RequestCallback => "Request a callback", "Demander un rappel", "Solicitar una llamada";

    // Help
    HelpSearchLabel => "Search help articles", "Rechercher dans les articles d'aide", "Buscar en los artículos de ayuda";
    HelpForumReplies => "{count} replies", "{count} réponses", "{count} respuestas";
    HelpForumActivity => "last activity {date}", "dernière activité le {date}", "última actividad el {date}";
    HelpNewTab => "(opens in a new tab)", "(s'ouvre dans un nouvel onglet)", "(se abre en una pestaña nueva)";
    PaletteButton => "Search or go to…", "Rechercher ou aller à…", "Buscar o ir a…";

    // Everything below shows only on pages that arrive with their chunk (and in dialogs
    // built from one): in a split build their English comes in a file of its own, fetched
    // with the first such page (see the module's comment). A text the first load shows goes
    // above; `i18n::tests` checks it for the first load's folders.
    @later
    // Texts and errors only the pages from chunks show (the filing wizard, uploads, forms, case
    // actions, support users, invitations): the first load does without their English.
    PriorityP1Meaning => "Production down, or significant data loss or degradation. Phone or case, 24x7; a business-impact statement is required.", "Production à l'arrêt, ou perte ou dégradation importante de données. Téléphone ou dossier, 24 h/24, 7 j/7 ; une description de l'impact sur l'activité est obligatoire.", "Producción detenida, o pérdida o degradación importante de datos. Teléfono o caso, 24x7; se requiere una declaración del impacto en el negocio.";
    PriorityP2Meaning => "Major degradation, potential data loss, or a major feature impacted. Case or chat, regional business hours.", "Dégradation majeure, perte de données possible ou fonction majeure touchée. Dossier ou chat, heures ouvrables régionales.", "Degradación grave, posible pérdida de datos o una función principal afectada. Caso o chat, horario laboral regional.";
    PriorityP3Meaning => "Minor degradation; a workaround exists. Case or chat, business hours.", "Dégradation mineure ; une solution de contournement existe. Dossier ou chat, heures ouvrables.", "Degradación menor; existe una solución alternativa. Caso o chat, horario laboral.";
    PriorityP4Meaning => "A question or an enhancement request. Case or chat, business hours.", "Une question ou une demande d'amélioration. Dossier ou chat, heures ouvrables.", "Una pregunta o una solicitud de mejora. Caso o chat, horario laboral.";
    FilingClosed => "Cases cannot be filed yet: the portal is in its user set-up phase. Call support meanwhile: the numbers are on the Contact support page.", "Les dossiers ne peuvent pas encore être envoyés : le portail est en phase de configuration des utilisateurs. En attendant, appelez l'assistance : les numéros figurent sur la page Contacter l'assistance.", "Aún no se pueden enviar casos: el portal está en la fase de configuración de usuarios. Mientras tanto, llame a asistencia técnica: los números están en la página Contactar con asistencia técnica.";
    AttachmentRulesHint => "Up to {size} MB per file: images, PDF, text, CSV, JSON, HAR or ZIP.", "Jusqu'à {size} Mo par fichier : images, PDF, texte, CSV, JSON, HAR ou ZIP.", "Hasta {size} MB por archivo: imágenes, PDF, texto, CSV, JSON, HAR o ZIP.";
    FileTooLarge => "{name} is larger than {size} MB, so it was not attached.", "{name} dépasse {size} Mo : il n'a pas été joint.", "{name} supera los {size} MB, así que no se ha adjuntado.";
    FileTypeRefused => "{name} cannot be attached: this type of file is not accepted.", "{name} ne peut pas être joint : ce type de fichier n'est pas accepté.", "{name} no se puede adjuntar: este tipo de archivo no se acepta.";
    ErrUnknownUser => "One of the chosen users no longer exists. Reload the list.", "L'un des utilisateurs choisis n'existe plus. Rechargez la liste.", "Uno de los usuarios elegidos ya no existe. Vuelva a cargar la lista.";
    ErrInvalidUrl => "Enter a web address that starts with https:// or http://.", "Saisissez une adresse web commençant par https:// ou http://.", "Introduzca una dirección web que empiece por https:// o http://.";
    ErrNotAMember => "Someone chosen here is no longer an active member of your organisation. Untick them and try again.", "Une personne choisie ici n'est plus membre actif de votre organisation. Décochez-la et réessayez.", "Una persona elegida aquí ya no es miembro activo de su organización. Desmárquela e inténtelo de nuevo.";
    ErrUnknownAttachment => "A file of this draft is no longer on the server (uploads not sent within 7 days are deleted). Remove it and attach it again.", "Un fichier de ce brouillon n'est plus sur le serveur (les fichiers non envoyés sous 7 jours sont supprimés). Retirez-le et joignez-le à nouveau.", "Un archivo de este borrador ya no está en el servidor (los archivos no enviados en 7 días se eliminan). Quítelo y adjúntelo de nuevo.";
    ErrTooMany => "There are too many here: remove some and try again.", "Il y en a trop : retirez-en quelques-uns et réessayez.", "Hay demasiados: quite algunos e inténtelo de nuevo.";
    ErrCsvHeader => "The first row must name the columns: email, name, role.", "La première ligne doit nommer les colonnes : email, name, role.", "La primera fila debe nombrar las columnas: email, name, role.";
    ErrPasswordIsEmail => "Do not use your email address as the password.", "N'utilisez pas votre adresse e-mail comme mot de passe.", "No use su correo electrónico como contraseña.";
    ErrNotAllowedNow => "This is not possible for this case now. Reload to see its current state.", "Ce n'est pas possible pour ce dossier actuellement. Rechargez pour voir son état actuel.", "Esto no es posible para este caso ahora. Vuelva a cargar para ver su estado actual.";
    ErrDuplicateUser => "A user with this email already exists.", "Un utilisateur avec cette adresse e-mail existe déjà.", "Ya existe un usuario con este correo electrónico.";
    ErrLastSystemAdmin => "Your organisation needs at least one active Support System Administrator: add another one first.", "Votre organisation doit garder au moins un administrateur système d'assistance actif : ajoutez-en un autre d'abord.", "Su organización necesita al menos un Administrador del sistema de asistencia técnica activo: añada otro primero.";
    ErrSelfRemoval => "You cannot remove yourself; another Support System Administrator can.", "Vous ne pouvez pas vous supprimer vous-même ; un autre administrateur système d'assistance peut le faire.", "No puede eliminarse a sí mismo; otro Administrador del sistema de asistencia técnica puede hacerlo.";
    ErrAttachmentTooLarge => "The server refused this file: it is over the size limit.", "Le serveur a refusé ce fichier : il dépasse la taille maximale.", "El servidor rechazó este archivo: supera el tamaño máximo.";
    ErrAttachmentType => "The server refused this file: this type of file is not accepted.", "Le serveur a refusé ce fichier : ce type de fichier n'est pas accepté.", "El servidor rechazó este archivo: este tipo de archivo no se acepta.";
    ErrUploadQuota => "The server refused this file: you have too many files uploaded but not yet attached. Send the case, reply or message they are for first; files never attached are deleted after 7 days.", "Le serveur a refusé ce fichier : vous avez trop de fichiers envoyés mais pas encore joints. Envoyez d'abord le dossier, la réponse ou le message auxquels ils sont destinés ; les fichiers jamais joints sont supprimés au bout de 7 jours.", "El servidor rechazó este archivo: tiene demasiados archivos subidos que aún no ha adjuntado. Envíe primero el caso, la respuesta o el mensaje al que pertenecen; los archivos que nunca se adjuntan se eliminan a los 7 días.";
    ErrAlreadyFiled => "This draft was already filed as a case, before your latest changes: the answer had not reached you. Open that case to add what changed, or file the changes as a new case.", "Ce brouillon a déjà été envoyé comme dossier, avant vos dernières modifications : la réponse ne vous était pas parvenue. Ouvrez ce dossier pour y ajouter ce qui a changé, ou envoyez les modifications comme nouveau dossier.", "Este borrador ya se envió como caso antes de sus últimos cambios: la respuesta no le había llegado. Abra ese caso para añadir lo que cambió o envíe los cambios como un caso nuevo.";
    ErrImportTooLarge => "This file is too large: at most 1 MB and 1,000 rows.", "Ce fichier est trop volumineux : 1 Mo et 1 000 lignes au maximum.", "Este archivo es demasiado grande: como máximo 1 MB y 1000 filas.";
    ErrInvitationInvalid => "This invitation link was already used or has expired. Ask your Support System Administrator for a new one.", "Ce lien d'invitation a déjà été utilisé ou a expiré. Demandez-en un nouveau à votre administrateur système d'assistance.", "Este enlace de invitación ya se usó o ha caducado. Pida uno nuevo a su Administrador del sistema de asistencia técnica.";

    // Sign-in and session
    SignInTitle => "Sign in to Support Portal", "Connexion au portail d'assistance", "Iniciar sesión en el portal de asistencia técnica";
    Email => "Email", "Adresse e-mail", "Correo electrónico";
    Password => "Password", "Mot de passe", "Contraseña";
    SigningIn => "Signing in…", "Connexion…", "Iniciando sesión…";
    SignOutKeptTitle => "Unsent work on this device", "Travail non envoyé sur cet appareil", "Trabajo sin enviar en este dispositivo";
    SignOutKeptBody => "Your drafts and unsent messages are kept on this device so that nothing is lost. If other people use this browser, remove them before you sign out.", "Vos brouillons et vos messages non envoyés sont conservés sur cet appareil pour que rien ne se perde. Si d'autres personnes utilisent ce navigateur, supprimez-les avant de vous déconnecter.", "Sus borradores y mensajes sin enviar se guardan en este dispositivo para que no se pierda nada. Si otras personas usan este navegador, elimínelos antes de cerrar sesión.";
    SignOutRemove => "Remove them and sign out", "Les supprimer et se déconnecter", "Eliminarlos y cerrar sesión";
    SignOutKeep => "Keep them and sign out", "Les conserver et se déconnecter", "Conservarlos y cerrar sesión";

    // Learning and home
    LearningLead => "Short guides, videos and help articles about the Support Portal and your products. Mark each one done as you go.", "De courts guides, des vidéos et des articles d'aide sur le portail d'assistance et vos produits. Marquez chacun comme terminé au fur et à mesure.", "Guías breves, vídeos y artículos de ayuda sobre el portal de asistencia técnica y sus productos. Marque cada uno como completado a medida que avanza.";
    LearningItemsTitle => "Guides, videos and articles", "Guides, vidéos et articles", "Guías, vídeos y artículos";
    LearningDone => "Done", "Terminé", "Completado";
    LearningDoneItem => "Done: {title}", "Terminé : {title}", "Completado: {title}";
    LearningDoneOn => "Done on {date}", "Terminé le {date}", "Completado el {date}";
    LearningKindGuide => "Step-by-step guide", "Guide pas à pas", "Guía paso a paso";
    LearningKindVideo => "Video", "Vidéo", "Vídeo";
    LearningKindArticle => "Help article", "Article d'aide", "Artículo de ayuda";
    LearningForSupportRoles => "For support roles", "Pour les rôles d'assistance", "Para funciones de asistencia técnica";
    LearningMinutes => "About {n} min", "Environ {n} min", "Unos {n} min";

    // Contact
    PhoneNumbers => "Phone numbers", "Numéros de téléphone", "Números de teléfono";
    YourRegion => "Your organisation's region: {region}", "Région de votre organisation : {region}", "Región de su organización: {region}";
    BusinessHours => "Business hours", "Heures ouvrables", "Horario laboral";
    HoursRange => "{opens}–{closes} ({zone}), {days}", "{opens}–{closes} ({zone}), {days}", "{opens}–{closes} ({zone}), {days}";
    HoursInYourZone => "In your time zone ({zone}): {opens}–{closes}", "Dans votre fuseau horaire ({zone}) : {opens}–{closes}", "En su zona horaria ({zone}): {opens}–{closes}";
    OpenNowUntil => "Open now, until {time}", "Ouvert en ce moment, jusqu'à {time}", "Abierto ahora, hasta las {time}";
    ClosedOpensAt => "Closed now, opens {when}", "Fermé en ce moment, ouvre {when}", "Cerrado ahora, abre el {when}";
    AllProducts => "All products", "Tous les produits", "Todos los productos";
    ChannelsPerProduct => "How to reach support for each product", "Comment joindre l'assistance pour chaque produit", "Cómo contactar con asistencia técnica para cada producto";
    OtherRegions => "Other regions", "Autres régions", "Otras regiones";

    // Cases: list
    FileCase => "File a case", "Envoyer un dossier d'assistance", "Enviar un caso de asistencia técnica";
    MyCases => "My cases", "Mes dossiers", "Mis casos";
    OrganisationCases => "My organisation's cases", "Dossiers de mon organisation", "Casos de mi organización";
    CaseScopeLabel => "Cases to show", "Dossiers à afficher", "Casos que mostrar";
    FilterCases => "Filter cases", "Filtrer les dossiers", "Filtrar los casos";
    FilterSupportUsers => "Filter support users", "Filtrer les utilisateurs de l'assistance", "Filtrar los usuarios de asistencia técnica";
    FilterAuditLog => "Filter the audit log", "Filtrer le journal d'audit", "Filtrar el registro de auditoría";
    FilterStatus => "Status", "Statut", "Estado";
    FilterProduct => "Product", "Produit", "Producto";
    FilterPriority => "Priority", "Priorité", "Prioridad";
    AnyValue => "Any", "Tous", "Todos";
    SearchCases => "Search cases", "Rechercher dans les dossiers", "Buscar en los casos";
    SortBy => "Sort by", "Trier par", "Ordenar por";
    SortUpdated => "Recently updated", "Mis à jour récemment", "Actualizados recientemente";
    SortNewest => "Newest first", "Plus récents d'abord", "Más recientes primero";
    SortOldest => "Oldest first", "Plus anciens d'abord", "Más antiguos primero";
    SortPriority => "Most urgent first", "Plus urgents d'abord", "Más urgentes primero";
    FromDate => "Filed from", "Envoyés depuis le", "Enviados desde";
    ToDate => "Filed until", "Envoyés jusqu'au", "Enviados hasta";
    DefaultRange => "Without dates, the last 3 months are shown.", "Sans dates, les 3 derniers mois sont affichés.", "Sin fechas, se muestran los últimos 3 meses.";
    NoCasesMatch => "No cases match these filters.", "Aucun dossier ne correspond à ces filtres.", "Ningún caso coincide con estos filtros.";
    NoCasesYet => "You have no cases yet.", "Vous n'avez encore aucun dossier.", "Aún no tiene casos.";
    ColNumber => "Number", "Numéro", "Número";
    ColTitle => "Title", "Titre", "Título";
    ColUpdated => "Updated", "Mis à jour", "Actualizado";
    ColResponse => "First response", "Première réponse", "Primera respuesta";
    ColRequester => "Requester", "Demandeur", "Solicitante";
    ResponseTargetMinutes => "First response within {minutes} min", "Première réponse sous {minutes} min", "Primera respuesta en {minutes} min";
    ResponseTargetHours => "First response within {hours} h", "Première réponse sous {hours} h", "Primera respuesta en {hours} h";
    ResponseTargetDay => "First response within 1 business day", "Première réponse sous 1 jour ouvré", "Primera respuesta en 1 día laborable";
    ResponseMet => "Met", "Respecté", "Cumplido";
    ResponseMissed => "Missed", "Non respecté", "No cumplido";
    ResponseDue => "Due {when}", "Attendue le {when}", "Prevista el {when}";

    // Cases: detail
    CaseDetails => "Case details", "Détails du dossier", "Detalles del caso";
    Filed => "Filed", "Envoyé le", "Enviado";
    Engineer => "Support engineer", "Ingénieur de l'assistance", "Ingeniero de asistencia técnica";
    NotAssigned => "Not assigned yet", "Pas encore attribué", "Aún no asignado";
    Watchers => "Watchers", "Observateurs", "Observadores";
    NoWatchers => "No one else", "Personne d'autre", "Nadie más";
    Conversation => "Conversation", "Échanges", "Conversación";
    SupportTeam => "Support", "Assistance", "Asistencia técnica";
    System => "The portal", "Le portail", "El portal";
    CaseFiledAs => "Case filed as {priority}", "Dossier envoyé en {priority}", "Caso enviado como {priority}";
    StatusChangedFromTo => "Status changed from {from} to {to}", "Statut modifié de {from} à {to}", "Estado cambiado de {from} a {to}";
    AttachmentsAdded => "Files added", "Fichiers ajoutés", "Archivos añadidos";
    UrgencyRequested => "Change of urgency requested from {from} to {to}: {reason}", "Changement d'urgence demandé de {from} à {to} : {reason}", "Cambio de urgencia solicitado de {from} a {to}: {reason}";
    CallRequestedNow => "Call requested now on {phone}", "Appel demandé immédiatement au {phone}", "Llamada solicitada de inmediato al {phone}";
    CallRequestedAt => "Call requested on {phone} for {when}", "Appel demandé au {phone} pour le {when}", "Llamada solicitada al {phone} para el {when}";
    EngineerAssignedTo => "{engineer} is working on this case", "{engineer} travaille sur ce dossier", "{engineer} está trabajando en este caso";
    UnknownEvent => "An update this portal cannot show yet", "Une mise à jour que ce portail ne peut pas encore afficher", "Una actualización que este portal aún no puede mostrar";
    YourReply => "Your reply", "Votre réponse", "Su respuesta";
    SendReply => "Send reply", "Envoyer la réponse", "Enviar respuesta";
    Sending => "Sending…", "Envoi…", "Enviando…";
    ReplySent => "Your reply was sent.", "Votre réponse a été envoyée.", "Su respuesta se ha enviado.";
    CloseCase => "Close case", "Fermer le dossier", "Cerrar el caso";
    ReopenCase => "Reopen case", "Rouvrir le dossier", "Volver a abrir el caso";
    ReopenUntil => "You can reopen this case until {when}.", "Vous pouvez rouvrir ce dossier jusqu'au {when}.", "Puede volver a abrir este caso hasta el {when}.";
    CaseClosedNoReopen => "This case was closed more than 14 days ago. File a new case and mention its number.", "Ce dossier a été fermé il y a plus de 14 jours. Envoyez un nouveau dossier en indiquant son numéro.", "Este caso se cerró hace más de 14 días. Envíe un nuevo caso e indique su número.";
    UserChangedMeanwhile => "This user was changed meanwhile, perhaps in another tab: the page now shows the latest. Check it and try again if still needed.", "Cet utilisateur a été modifié entre-temps, peut-être dans un autre onglet : la page affiche maintenant la dernière version. Vérifiez-la et réessayez si nécessaire.", "Este usuario se modificó mientras tanto, quizá en otra pestaña: la página muestra ahora la última versión. Compruébela y vuelva a intentarlo si aún hace falta.";
    ReviewQueueMore => "More users wait after these: they come up as you validate or flag these.", "D'autres utilisateurs attendent après ceux-ci : ils apparaissent à mesure que vous validez ou signalez ceux-ci.", "Hay más usuarios esperando después de estos: aparecen a medida que valida o marca estos.";
    ChangedBy => "Changed by", "Modifié par", "Modificado por";
    ChangedMeanwhile => "This case changed meanwhile; it now shows the latest version. Check it and try again.", "Ce dossier a été modifié entre-temps ; il affiche maintenant la dernière version. Vérifiez-le et réessayez.", "Este caso se modificó mientras tanto; ahora muestra la última versión. Revíselo e inténtelo de nuevo.";
    BackToCases => "Back to cases", "Retour aux dossiers", "Volver a los casos";
    NewUpdates => "New updates on this case", "Nouvelles mises à jour de ce dossier", "Nuevas actualizaciones de este caso";

    // Cases: filing
    StepProduct => "Product", "Produit", "Producto";
    StepProblem => "Problem", "Problème", "Problema";
    StepDetails => "Details", "Détails", "Detalles";
    StepPriority => "Priority and impact", "Priorité et impact", "Prioridad e impacto";
    StepContact => "Contact and watchers", "Contact et observateurs", "Contacto y observadores";
    StepReview => "Review and submit", "Vérification et envoi", "Revisión y envío";
    FilingSteps => "Steps of filing a case", "Étapes de l'envoi d'un dossier", "Pasos para enviar un caso";
    StepOf => "Step {n} of {total}: {name}", "Étape {n} sur {total} : {name}", "Paso {n} de {total}: {name}";
    WhichProduct => "Which product is this about?", "Quel produit est concerné ?", "¿De qué producto se trata?";
    CaseTitle => "Title", "Titre", "Título";
    CaseTitleHint => "One line that sums up the problem.", "Une ligne qui résume le problème.", "Una línea que resuma el problema.";
    CaseDescription => "Describe the problem", "Décrivez le problème", "Describa el problema";
    SimilarCasesTitle => "Open cases that look like this one", "Dossiers ouverts qui ressemblent à celui-ci", "Casos abiertos que se parecen a este";
    SimilarCasesHint => "A colleague may have reported it already: follow their case instead of filing it again.", "Un collègue l'a peut-être déjà signalé : suivez son dossier au lieu d'en ouvrir un nouveau.", "Puede que un compañero ya lo haya notificado: siga su caso en lugar de abrir otro.";
    FollowCase => "Follow this case instead", "Suivre ce dossier plutôt", "Seguir este caso en su lugar";
    FollowingCase => "You follow this case", "Vous suivez ce dossier", "Usted sigue este caso";
    FollowedCase => "You now follow {number}. Your draft is kept.", "Vous suivez désormais {number}. Votre brouillon est conservé.", "Ahora sigue {number}. Su borrador se conserva.";
    SuggestedArticles => "Help articles that may answer this", "Articles d'aide qui pourraient y répondre", "Artículos de ayuda que podrían responderlo";
    ReportSuiteId => "Report suite ID", "ID de la suite de rapports", "ID del grupo de informes";
    WorkspaceUrl => "Workspace link", "Lien vers l'espace de travail", "Enlace al espacio de trabajo";
    ActivityName => "Activity name", "Nom de l'activité", "Nombre de la actividad";
    SiteUrl => "Site URL", "URL du site", "URL del sitio";
    DataSourceId => "Data source ID", "ID de la source de données", "ID de la fuente de datos";
    SegmentId => "Segment ID", "ID du segment", "ID del segmento";
    Reproducible => "I can reproduce the problem", "Je peux reproduire le problème", "Puedo reproducir el problema";
    StepsToReproduce => "Steps to reproduce", "Étapes pour reproduire", "Pasos para reproducirlo";
    Environment => "Environment (browser, SDK, integration)", "Environnement (navigateur, SDK, intégration)", "Entorno (navegador, SDK, integración)";
    BusinessImpact => "Business impact", "Impact sur l'activité", "Impacto en el negocio";
    BusinessImpactHint => "Required for P1 Critical: who and what is affected, and how much.", "Obligatoire pour P1 Critique : qui et quoi est touché, et dans quelle mesure.", "Obligatorio para P1 Crítica: a quién y a qué afecta, y en qué medida.";
    ContactPhone => "Contact phone", "Téléphone de contact", "Teléfono de contacto";
    ContactTimeZone => "Your time zone", "Votre fuseau horaire", "Su zona horaria";
    WhatWasReported => "What was reported", "Ce qui a été signalé", "Lo que se notificó";
    FormerMember => "Someone no longer in your organisation", "Une personne qui ne fait plus partie de votre organisation", "Alguien que ya no forma parte de su organización";
    StepNeedsAttention => "(needs attention)", "(à corriger)", "(necesita corrección)";
    Yes => "Yes", "Oui", "Sí";
    No => "No", "Non", "No";
    WatchersHint => "Colleagues to keep informed", "Collègues à tenir informés", "Compañeros a los que mantener informados";
    NotGiven => "Not given", "Non renseigné", "No indicado";
    Next => "Next", "Suivant", "Siguiente";
    Back => "Back", "Précédent", "Anterior";
    SubmitCase => "Submit case", "Envoyer le dossier", "Enviar el caso";
    Submitting => "Submitting…", "Envoi…", "Enviando…";
    DiscardDraft => "Discard draft", "Supprimer le brouillon", "Descartar el borrador";
    DraftRestored => "Your unsent case was restored where you left it.", "Votre dossier non envoyé a été restauré là où vous l'aviez laissé.", "Se restauró su caso sin enviar donde lo dejó.";
    DraftKept => "Your draft is kept on this device until you submit it.", "Votre brouillon est conservé sur cet appareil jusqu'à son envoi.", "Su borrador se guarda en este dispositivo hasta que lo envíe.";
    SavedOnDevice => "Saved on this device.", "Enregistré sur cet appareil.", "Guardado en este dispositivo.";

    // Cases: escalation
    Escalate => "Escalate", "Escalader", "Escalar";
    RequestUrgencyChange => "Request a change of urgency", "Demander un changement d'urgence", "Solicitar un cambio de urgencia";
    NewPriority => "New priority", "Nouvelle priorité", "Nueva prioridad";
    Reason => "Reason", "Motif", "Motivo";
    SendRequest => "Send request", "Envoyer la demande", "Enviar la solicitud";
    UrgencyOncePerDay => "You can ask for a change of urgency once every 24 hours.", "Vous pouvez demander un changement d'urgence une fois toutes les 24 heures.", "Puede solicitar un cambio de urgencia una vez cada 24 horas.";
    RequestSent => "Your request was sent to support.", "Votre demande a été envoyée à l'assistance.", "Su solicitud se ha enviado a asistencia técnica.";
    RequestCall => "Request a call", "Demander un appel", "Solicitar una llamada";
    CallMeNow => "Call me now", "Appelez-moi maintenant", "Llámenme ahora";
    CallAt => "When should support call?", "Quand l'assistance doit-elle appeler ?", "¿Cuándo debe llamar asistencia técnica?";
    ScheduleCall => "Schedule the call", "Planifier l'appel", "Programar la llamada";
    ErrFutureTime => "Choose a time in the future.", "Choisissez une heure future.", "Elija una hora futura.";

    // Service history
    HistoryLead => "Every case, chat and callback request of your organisation, in one place.", "Tous les dossiers, discussions et demandes de rappel de votre organisation, au même endroit.", "Todos los casos, chats y solicitudes de devolución de llamada de su organización, en un solo lugar.";
    HistorySummaryTitle => "At a glance", "En un coup d'œil", "De un vistazo";
    HistoryTotal => "Interactions", "Interactions", "Interacciones";
    HistoryOpen => "Open", "Ouverts", "Abiertos";
    HistoryAwaiting => "Awaiting your reply", "En attente de votre réponse", "Pendientes de su respuesta";
    HistoryClosed => "Closed", "Clos", "Cerrados";
    HistoryResponseTitle => "First response by priority", "Première réponse par priorité", "Primera respuesta por prioridad";
    HistoryTarget => "Target", "Objectif", "Objetivo";
    HistoryMedian => "Median", "Médiane", "Mediana";
    HistoryMetShare => "Met", "Respecté", "Cumplido";
    HistoryMetOf => "{met} of {answered}", "{met} sur {answered}", "{met} de {answered}";
    HistoryNoResponse => "No response yet", "Pas encore de réponse", "Aún sin respuesta";
    HistoryChartTitle => "Interactions per month", "Interactions par mois", "Interacciones por mes";
    HistoryChartLabel => "Interactions per month and product, as bars", "Interactions par mois et par produit, en barres", "Interacciones por mes y producto, en barras";
    HistoryShowTable => "Show as a table", "Afficher sous forme de tableau", "Mostrar como tabla";
    HistoryShowChart => "Show as a chart", "Afficher sous forme de graphique", "Mostrar como gráfico";
    HistoryTableCaption => "Interactions per month and product", "Interactions par mois et par produit", "Interacciones por mes y producto";
    ColMonth => "Month", "Mois", "Mes";
    ColTotal => "Total", "Total", "Total";
    HistoryNoChart => "Nothing to chart for these filters.", "Rien à représenter pour ces filtres.", "Nada que representar con estos filtros.";
    FilterHistory => "Filter the service history", "Filtrer l'historique des services", "Filtrar el historial de servicios";
    FilterKind => "Kind", "Type", "Tipo";
    SortClosedDesc => "Recently closed first", "Clos récemment d'abord", "Cerrados recientemente primero";
    SortClosedAsc => "Closed longest ago first", "Clos il y a le plus longtemps d'abord", "Cerrados hace más tiempo primero";
    HistoryDefaultRange => "Without dates, the last 12 months are shown.", "Sans dates, les 12 derniers mois sont affichés.", "Sin fechas, se muestran los últimos 12 meses.";
    HistoryTableTitle => "Interactions", "Interactions", "Interacciones";
    ColReference => "Reference", "Référence", "Referencia";
    ColTitleOrTopic => "Title or topic", "Titre ou sujet", "Título o asunto";
    ColChannel => "Channel", "Canal", "Canal";
    ColOpened => "Opened", "Ouvert le", "Abierto";
    ColClosed => "Closed", "Clos le", "Cerrado";
    HistoryCount => "Matching interactions: {n}", "Interactions correspondantes : {n}", "Interacciones coincidentes: {n}";
    NoHistoryMatch => "No interactions match these filters.", "Aucune interaction ne correspond à ces filtres.", "Ninguna interacción coincide con estos filtros.";
    NoHistoryYet => "No cases, chats or callback requests yet.", "Aucun dossier, aucune discussion ni demande de rappel pour l'instant.", "Todavía no hay casos, chats ni solicitudes de devolución de llamada.";
    HistoryExportButton => "Download these interactions as CSV", "Télécharger ces interactions au format CSV", "Descargar estas interacciones en CSV";
    HistoryExporting => "Downloading rows: {done} of {total}", "Téléchargement des lignes : {done} sur {total}", "Descargando filas: {done} de {total}";
    HistoryExported => "Rows downloaded: {n}", "Lignes téléchargées : {n}", "Filas descargadas: {n}";

    // Attachments
    WaitForUploads => "Wait until every file is uploaded; retry or remove the ones that failed.", "Attendez que tous les fichiers soient envoyés ; réessayez ou retirez ceux qui ont échoué.", "Espere a que se suban todos los archivos; reintente o quite los que fallaron.";

    // Settings
    TimeZone => "Time zone", "Fuseau horaire", "Zona horaria";
    FollowBrowserTimeZone => "This browser's time zone ({zone})", "Fuseau horaire du navigateur ({zone})", "Zona horaria del navegador ({zone})";
    FollowBrowserLanguage => "This browser's language", "Langue du navigateur", "Idioma del navegador";
    Save => "Save", "Enregistrer", "Guardar";
    Saving => "Saving…", "Enregistrement…", "Guardando…";
    Saved => "Your settings are saved.", "Vos paramètres sont enregistrés.", "Su configuración se ha guardado.";
    DateExample => "Dates and times appear like this: {example}", "Les dates et heures s'affichent ainsi : {example}", "Las fechas y horas se muestran así: {example}";
    OnThisBrowser => "On this browser", "Sur ce navigateur", "En este navegador";
    OnThisBrowserHint => "These choices apply at once, on this browser only.", "Ces choix s'appliquent aussitôt, sur ce navigateur uniquement.", "Estas opciones se aplican al momento, solo en este navegador.";
    Theme => "Theme", "Thème", "Tema";
    ThemeSystem => "Same as this device", "Comme sur cet appareil", "Igual que en este dispositivo";
    ThemeLight => "Light", "Clair", "Claro";
    ThemeDark => "Dark", "Sombre", "Oscuro";
    ShortcutsOn => "Single-key shortcuts (g, j, k, / and ?)", "Raccourcis d'une touche (g, j, k, / et ?)", "Atajos de una tecla (g, j, k, / y ?)";
    ShortcutsOnHint => "Turn them off if you use speech input or they get in your way. Ctrl+K still opens the command palette.", "Désactivez-les si vous utilisez la saisie vocale ou s'ils vous gênent. Ctrl+K ouvre toujours la palette de commandes.", "Desactívelos si usa la entrada por voz o le molestan. Ctrl+K sigue abriendo la paleta de comandos.";

    // The command palette and the keyboard shortcuts
    PaletteTitle => "Search or go to", "Rechercher ou aller à", "Buscar o ir a";
    PaletteLabel => "Page, action, or case number or title", "Page, action, ou numéro ou titre de dossier", "Página, acción, o número o título de caso";
    PaletteCount => "Results: {n}", "Résultats : {n}", "Resultados: {n}";
    PaletteNone => "Nothing matches. Try a case number or other words.", "Aucun résultat. Essayez un numéro de dossier ou d'autres mots.", "No hay resultados. Pruebe con un número de caso u otras palabras.";
    PaletteSearching => "Searching cases…", "Recherche de dossiers…", "Buscando casos…";
    PaletteGoTo => "Go to {page}", "Aller à {page}", "Ir a {page}";
    ActionExportHistory => "Export the service history (CSV)", "Exporter l'historique des services (CSV)", "Exportar el historial de servicios (CSV)";
    ActionImportUsers => "Import support users from CSV", "Importer des utilisateurs de l'assistance depuis un fichier CSV", "Importar usuarios de asistencia técnica desde CSV";
    ActionReviewUsers => "Review and validate support users", "Examiner et valider les utilisateurs de l'assistance", "Revisar y validar los usuarios de asistencia técnica";
    ShortcutsTitle => "Keyboard shortcuts", "Raccourcis clavier", "Atajos de teclado";
    ShortcutsIntro => "Single keys act when no field has focus; Settings can turn them off.", "Les touches seules agissent quand aucun champ n'a le focus ; les Paramètres permettent de les désactiver.", "Las teclas solas actúan cuando ningún campo tiene el foco; se pueden desactivar en Configuración.";
    ShortcutKeys => "Keys", "Touches", "Teclas";
    ShortcutDoes => "What it does", "Action", "Qué hace";
    ShortcutPalette => "Open the command palette", "Ouvrir la palette de commandes", "Abrir la paleta de comandos";
    ShortcutNext => "Next item in a list", "Élément suivant d'une liste", "Siguiente elemento de una lista";
    ShortcutPrevious => "Previous item in a list", "Élément précédent d'une liste", "Elemento anterior de una lista";
    ShortcutOpen => "Open the item", "Ouvrir l'élément", "Abrir el elemento";
    ShortcutSearch => "Search this page", "Rechercher dans cette page", "Buscar en esta página";
    ShortcutReply => "Send your reply, in a case", "Envoyer votre réponse, dans un dossier", "Enviar su respuesta, en un caso";
    ShortcutHelp => "Show this list", "Afficher cette liste", "Mostrar esta lista";
    Close => "Close", "Fermer", "Cerrar";
    KeyEnter => "Enter", "Entrée", "Intro";

    // Support users
    SupportUsersCount => "Support users: {count}", "Utilisateurs de l'assistance : {count}", "Usuarios de asistencia técnica: {count}";
    ColName => "Name", "Nom", "Nombre";
    ColRole => "Role", "Rôle", "Función";
    ColStatus => "Status", "Statut", "Estado";
    ColSource => "Set up from", "Origine", "Origen";
    ColCreated => "Created", "Créé le", "Creado";
    ShowMore => "Show more", "Afficher plus", "Mostrar más";
    NoSupportUsers => "Your organisation has no support users yet.", "Votre organisation n'a pas encore d'utilisateurs de l'assistance.", "Su organización aún no tiene usuarios de asistencia técnica.";

    // Support-user administration
    AdminSections => "Support user administration", "Administration des utilisateurs de l'assistance", "Administración de usuarios de asistencia técnica";
    AddSupportUser => "Add a support user", "Ajouter un utilisateur de l'assistance", "Añadir un usuario de asistencia técnica";
    ImportUsers => "Import from CSV", "Importer un fichier CSV", "Importar desde CSV";
    AuditLog => "Audit log", "Journal d'audit", "Registro de auditoría";
    CountsLabel => "Support users by role and state", "Utilisateurs de l'assistance par rôle et par état", "Usuarios de asistencia técnica por función y estado";
    CountSystemAdmins => "Support System Administrators", "Administrateurs système d'assistance", "Administradores del sistema de asistencia técnica";
    CountSupportAdmins => "Customer Support Administrators", "Administrateurs du service clientèle", "Administradores de Atención al cliente";
    CountInvited => "Invited, not signed in yet", "Invités, pas encore connectés", "Invitados, aún sin iniciar sesión";
    CountNeedsReview => "Waiting for review", "En attente d'examen", "Pendientes de revisión";
    CountFlagged => "Flagged", "Signalés", "Marcados";
    SearchSupportUsers => "Search by name or email", "Rechercher par nom ou adresse e-mail", "Buscar por nombre o correo electrónico";
    ColValidation => "Review", "Examen", "Revisión";
    ColLastActive => "Last active", "Dernière activité", "Última actividad";
    Never => "Never", "Jamais", "Nunca";
    StatusCurrent => "Invited or active", "Invités ou actifs", "Invitados o activos";
    StatusAllIncludingRemoved => "All, removed included", "Tous, supprimés compris", "Todos, incluidos los eliminados";
    ValidationNeedsReview => "Waiting for review", "En attente d'examen", "Pendiente de revisión";
    ValidationBy => "{state} by {name} on {when}", "{state} par {name} le {when}", "{state} por {name} el {when}";
    SortName => "Name", "Nom", "Nombre";
    SortEmail => "Email", "Adresse e-mail", "Correo electrónico";
    SortLastActive => "Recently active", "Activité récente", "Actividad reciente";
    NoSupportUsersMatch => "No support users match these filters.", "Aucun utilisateur de l'assistance ne correspond à ces filtres.", "Ningún usuario de asistencia técnica coincide con estos filtros.";
    RoleMeaningCsa => "Files and manages cases, chats with support, sees the service history and help, and receives the emails sent when support users are created.", "Envoie et gère les dossiers, discute avec l'assistance, consulte l'historique du service et l'aide, et reçoit les e-mails envoyés lors de la création d'utilisateurs de l'assistance.", "Envía y gestiona casos, chatea con asistencia técnica, consulta el historial del servicio y la ayuda, y recibe los correos enviados al crear usuarios de asistencia técnica.";
    RoleMeaningSsa => "Everything a Customer Support Administrator does, plus creating and removing support users, changing their roles, and reviewing and validating them.", "Tout ce que fait un administrateur du service clientèle, et en plus : créer et supprimer des utilisateurs de l'assistance, changer leurs rôles, les examiner et les valider.", "Todo lo que hace un Administrador de Atención al cliente, y además: crear o eliminar usuarios de asistencia técnica, cambiar sus funciones, revisarlos y validarlos.";
    InvitationExplained => "They receive an email with a link to set their password. Every support administrator of your organisation is told by email.", "La personne reçoit un e-mail avec un lien pour définir son mot de passe. Chaque administrateur de l'assistance de votre organisation en est informé par e-mail.", "La persona recibe un correo con un enlace para definir su contraseña. Cada administrador de asistencia técnica de su organización recibe un aviso por correo.";
    CreateAndInvite => "Create and send the invitation", "Créer et envoyer l'invitation", "Crear y enviar la invitación";
    InvitationSent => "{name} was added. The invitation went to {email}; they show as invited until they set a password.", "{name} a été ajouté. L'invitation a été envoyée à {email} ; l'utilisateur apparaît comme invité jusqu'à ce qu'il définisse un mot de passe.", "Se añadió a {name}. La invitación se envió a {email}; aparecerá como invitado hasta que defina una contraseña.";
    RoleGranted => "{name} ({email}) already had an account and now has this support role.", "{name} ({email}) avait déjà un compte et dispose maintenant de ce rôle d'assistance.", "{name} ({email}) ya tenía una cuenta y ahora tiene esta función de asistencia técnica.";
    OpenUserPage => "Open their page", "Ouvrir sa page", "Abrir su página";
    CreatedBy => "{when}, by {name}", "{when}, par {name}", "{when}, por {name}";
    FlagReason => "Reason for flagging", "Motif du signalement", "Motivo de la marca";
    BackToSupportUsers => "Back to support users", "Retour aux utilisateurs de l'assistance", "Volver a los usuarios de asistencia técnica";
    ChangeRole => "Access role", "Rôle d'accès", "Función de acceso";
    SaveRole => "Change role", "Changer de rôle", "Cambiar la función";
    RoleChanged => "{name} is now {role}.", "{name} est maintenant {role}.", "{name} ahora es {role}.";
    ReviewTitle => "Review", "Examen", "Revisión";
    ReviewExplained => "Validate this person if they should contact support for your organisation; flag them, with a reason, if not.", "Validez cette personne si elle doit contacter l'assistance pour votre organisation ; sinon, signalez-la en indiquant un motif.", "Valide a esta persona si debe contactar con asistencia técnica en nombre de su organización; si no, márquela indicando un motivo.";
    Validate => "Validate", "Valider", "Validar";
    Flag => "Flag", "Signaler", "Marcar";
    UserValidated => "{name} is validated.", "{name} est validé.", "{name} está validado.";
    UserFlagged => "{name} is flagged.", "{name} est signalé.", "{name} está marcado.";
    ReviewHistory => "Review history", "Historique des examens", "Historial de revisiones";
    NoReviewsYet => "No one has reviewed this user yet.", "Personne n'a encore examiné cet utilisateur.", "Nadie ha revisado aún a este usuario.";
    ReviewValidatedBy => "Validated by {name} on {when}", "Validé par {name} le {when}", "Validado por {name} el {when}";
    ReviewFlaggedBy => "Flagged by {name} on {when}:", "Signalé par {name} le {when} :", "Marcado por {name} el {when}:";
    RemoveTitle => "Remove from support", "Retirer de l'assistance", "Quitar de asistencia técnica";
    RemoveExplained => "They lose access at once: they are signed out everywhere and can no longer contact support. The record stays in the audit log.", "La personne perd l'accès immédiatement : elle est déconnectée partout et ne peut plus contacter l'assistance. L'historique reste dans le journal d'audit.", "La persona pierde el acceso de inmediato: se cierra su sesión en todas partes y ya no puede contactar con asistencia técnica. El historial queda en el registro de auditoría.";
    RemoveUser => "Remove {name}", "Supprimer {name}", "Eliminar a {name}";
    RemoveConfirm => "Remove {name} ({email}) from support?", "Retirer {name} ({email}) de l'assistance ?", "¿Quitar a {name} ({email}) de asistencia técnica?";
    UserRemoved => "{name} was removed.", "{name} a été supprimé.", "Se eliminó a {name}.";
    Cancel => "Cancel", "Annuler", "Cancelar";
    ReviewQueueExplained => "Everyone never reviewed, or validated long ago, is listed here. Select people, then validate them or flag them with a reason.", "Toutes les personnes jamais examinées, ou validées il y a longtemps, figurent ici. Sélectionnez-les, puis validez-les ou signalez-les en indiquant un motif.", "Aquí aparecen todas las personas nunca revisadas o validadas hace tiempo. Selecciónelas y luego valídelas o márquelas indicando un motivo.";
    ReviewQueueEmpty => "No one is waiting for review.", "Personne n'attend d'examen.", "Nadie está pendiente de revisión.";
    SelectAll => "Select everyone", "Tout sélectionner", "Seleccionar a todos";
    SelectUser => "Select {name}", "Sélectionner {name}", "Seleccionar a {name}";
    SelectedCount => "Selected: {count}", "Sélectionnés : {count}", "Seleccionados: {count}";
    ValidateSelected => "Validate the selected users", "Valider les utilisateurs sélectionnés", "Validar a los usuarios seleccionados";
    FlagSelected => "Flag the selected users", "Signaler les utilisateurs sélectionnés", "Marcar a los usuarios seleccionados";
    UsersValidated => "Validated: {count}.", "Validés : {count}.", "Validados: {count}.";
    UsersFlagged => "Flagged: {count}.", "Signalés : {count}.", "Marcados: {count}.";
    ImportExplained => "A UTF-8 CSV file with a header row and three columns: email, name and role (the role's name in English, French or Spanish). Commas or semicolons. You see what each row would do before anything is created.", "Un fichier CSV en UTF-8 avec une ligne d'en-tête et trois colonnes : email, name et role (le nom du rôle en anglais, en français ou en espagnol). Virgules ou points-virgules. Vous voyez ce que chaque ligne ferait avant toute création.", "Un archivo CSV en UTF-8 con una fila de encabezado y tres columnas: email, name y role (el nombre de la función en inglés, francés o español). Comas o puntos y coma. Verá lo que haría cada fila antes de crear nada.";
    ImportExample => "Example file", "Exemple de fichier", "Archivo de ejemplo";
    CsvFile => "CSV file", "Fichier CSV", "Archivo CSV";
    CsvFileHint => "Choose a file or drop it here. At most 1 MB and 1,000 rows.", "Choisissez un fichier ou déposez-le ici. 1 Mo et 1 000 lignes au maximum.", "Elija un archivo o suéltelo aquí. Como máximo 1 MB y 1000 filas.";
    Uploading => "Sending the file", "Envoi du fichier", "Enviando el archivo";
    OpenFiledCase => "Open the filed case", "Ouvrir le dossier envoyé", "Abrir el caso enviado";
    FileAsNewCase => "File as a new case", "Envoyer comme nouveau dossier", "Enviar como caso nuevo";
    ImportPreview => "Check before importing: {created} to create, {existing} already exist, {invalid} with a problem.", "Vérifiez avant d'importer : {created} à créer, {existing} déjà existants, {invalid} avec un problème.", "Compruebe antes de importar: {created} por crear, {existing} ya existen, {invalid} con un problema.";
    ImportDone => "Imported: {created} given support access (each told by email), {existing} already had it, {invalid} not imported.", "Importation terminée : {created} ont reçu un accès à l'assistance (chacun prévenu par e-mail), {existing} l'avaient déjà, {invalid} non importés.", "Importación terminada: {created} recibieron acceso a la asistencia técnica (cada uno avisado por correo), {existing} ya lo tenían, {invalid} no importados.";
    ImportCommit => "Create {count} support users", "Créer {count} utilisateurs de l'assistance", "Crear {count} usuarios de asistencia técnica";
    ImportRows => "Rows of the file", "Lignes du fichier", "Filas del archivo";
    ColLine => "Line", "Ligne", "Línea";
    ColResult => "Result", "Résultat", "Resultado";
    SearchAudit => "Search by support user", "Rechercher par utilisateur de l'assistance", "Buscar por usuario de asistencia técnica";
    ColAction => "Change", "Modification", "Cambio";
    ColWhen => "When", "Date", "Fecha";
    ColWho => "By", "Par", "Por";
    ColSupportUser => "Support user", "Utilisateur de l'assistance", "Usuario de asistencia técnica";
    ColChange => "Before and after", "Avant et après", "Antes y después";
    ExportTitle => "Download", "Téléchargement", "Descarga";
    DownloadCsv => "Download the log as CSV", "Télécharger le journal au format CSV", "Descargar el registro en CSV";
    AuditEmpty => "No administrative changes match.", "Aucune modification administrative ne correspond.", "Ningún cambio administrativo coincide.";
    SetPasswordTitle => "Set your password", "Définir votre mot de passe", "Defina su contraseña";
    SetPasswordWelcome => "Welcome, {name}. {organisation} made you a {role}. Set the password for {email}.", "Bienvenue, {name}. {organisation} vous a attribué le rôle {role}. Définissez le mot de passe de {email}.", "Le damos la bienvenida, {name}. {organisation} le ha asignado la función {role}. Defina la contraseña de {email}.";
    PasswordRules => "At least {min} characters, and not your email address. A short sentence is easy to remember.", "Au moins {min} caractères, et pas votre adresse e-mail. Une courte phrase est facile à retenir.", "Al menos {min} caracteres y distinta de su correo electrónico. Una frase corta es fácil de recordar.";
    NewPassword => "New password", "Nouveau mot de passe", "Nueva contraseña";
    ConfirmPassword => "Repeat the password", "Répétez le mot de passe", "Repita la contraseña";
    SetPassword => "Set the password", "Définir le mot de passe", "Definir la contraseña";
    PasswordSet => "Your password is set. You can sign in now.", "Votre mot de passe est défini. Vous pouvez vous connecter.", "Su contraseña está definida. Ya puede iniciar sesión.";
    ErrPasswordsDiffer => "The two passwords differ.", "Les deux mots de passe sont différents.", "Las dos contraseñas no coinciden.";

    // Chat
    ChatMinimise => "Minimise", "Réduire", "Minimizar";
    ChatOutsideHours => "Chat is closed now: it is outside your region's support hours.", "La discussion est fermée : nous sommes en dehors des heures d'assistance de votre région.", "El chat está cerrado: es fuera del horario de asistencia técnica de su región.";
    ChatSetupPhase => "Chat opens once the portal is live.", "La discussion ouvrira lorsque le portail sera actif.", "El chat se abrirá cuando el portal esté activo.";
    ChatNotOffered => "Chat is not offered for this product.", "La discussion n'est pas proposée pour ce produit.", "El chat no está disponible para este producto.";
    ChatInstead => "You can file a case or ask support to call you back instead.", "Vous pouvez plutôt envoyer un dossier ou demander à l'assistance de vous rappeler.", "En su lugar, puede enviar un caso o pedir que asistencia técnica le devuelva la llamada.";
    CallbackPhone => "Number to call", "Numéro à appeler", "Número al que llamar";
    CallbackTopic => "What is it about?", "À quel sujet ?", "¿De qué se trata?";
    CallbackWhen => "When suits you (optional)", "Quand vous convient-il ? (facultatif)", "Cuándo le viene bien (opcional)";
    SendCallbackRequest => "Ask support to call me", "Demander à l'assistance de m'appeler", "Pedir que asistencia técnica me llame";
    CallbackRequested => "Support will call you on {phone}.", "L'assistance vous appellera au {phone}.", "Asistencia técnica le llamará al {phone}.";
    YourCallbacks => "Your callback requests", "Vos demandes de rappel", "Sus solicitudes de llamada";
    CallbackWaiting => "waiting for the call", "appel en attente", "llamada pendiente";
    CallbackDone => "called", "appel effectué", "llamada realizada";
    ChatTopic => "Topic", "Sujet", "Tema";
    ChatSummary => "What do you need help with?", "Sur quoi avez-vous besoin d'aide ?", "¿Con qué necesita ayuda?";
    StartChat => "Start the chat", "Commencer la discussion", "Iniciar el chat";
    ChatQueue => "You are number {position} in the queue; about {minutes} min to wait.", "Vous êtes en position {position} dans la file d'attente ; environ {minutes} min d'attente.", "Es el número {position} en la cola; unos {minutes} min de espera.";
    ChatWaiting => "Waiting for a support engineer…", "En attente d'un ingénieur de l'assistance…", "Esperando a un ingeniero de asistencia técnica…";
    ChatWithAgent => "You are chatting with {agent}.", "Vous discutez avec {agent}.", "Está chateando con {agent}.";
    ChatReconnecting => "Connection lost. Reconnecting…", "Connexion perdue. Reconnexion…", "Conexión perdida. Reconectando…";
    ChatConnecting => "Connecting…", "Connexion…", "Conectando…";
    ChatMessages => "Messages", "Messages de la discussion", "Mensajes";
    ChatAgentTyping => "Support is typing…", "L'assistance écrit…", "Asistencia técnica está escribiendo…";
    ChatYourMessage => "Your message", "Votre message", "Su mensaje";
    ChatSend => "Send", "Envoyer", "Enviar";
    ChatEnd => "End the chat", "Terminer la discussion", "Terminar el chat";
    ChatYou => "You", "Vous", "Usted";
    ChatSending => "Sending…", "Envoi…", "Enviando…";
    ChatSent => "Sent", "Envoyé", "Enviado";
    ChatFailed => "Not sent", "Non envoyé", "No enviado";
    ChatRetry => "Send again", "Renvoyer", "Reenviar";
    ChatEnded => "This chat has ended.", "Cette discussion est terminée.", "Este chat ha terminado.";
    ChatRateTitle => "How was this chat?", "Comment s'est passée cette discussion ?", "¿Qué tal fue este chat?";
    Rating1 => "1 – Poor", "1 – Mauvais", "1 – Malo";
    Rating2 => "2 – Fair", "2 – Passable", "2 – Regular";
    Rating3 => "3 – Good", "3 – Bien", "3 – Bueno";
    Rating4 => "4 – Very good", "4 – Très bien", "4 – Muy bueno";
    Rating5 => "5 – Excellent", "5 – Excellent", "5 – Excelente";
    ChatRatingComment => "Comment (optional)", "Commentaire (facultatif)", "Comentario (opcional)";
    ChatSendRating => "Send the rating", "Envoyer l'évaluation", "Enviar la valoración";
    ChatThanksRating => "Thank you for your rating.", "Merci pour votre évaluation.", "Gracias por su valoración.";
    ChatTranscript => "Transcript", "Transcription", "Transcripción";
    ChatTranscriptText => "Download the transcript (text)", "Télécharger la transcription (texte)", "Descargar la transcripción (texto)";
    ChatTranscriptJson => "Download the transcript (JSON)", "Télécharger la transcription (JSON)", "Descargar la transcripción (JSON)";
    ChatContinueAsCase => "Continue as a case", "Poursuivre dans un dossier", "Continuar como caso";
    ChatNew => "Start a new chat", "Nouvelle discussion", "Nuevo chat";
    BackToChats => "Back to your chats", "Retour à vos discussions", "Volver a sus chats";
    ChatOpenCase => "Open the case this chat became", "Ouvrir le dossier issu de cette discussion", "Abrir el caso creado a partir de este chat";
    ChatNoMessages => "No messages were written in this chat.", "Aucun message n'a été écrit dans cette discussion.", "No se escribió ningún mensaje en este chat.";
    ChatAllChats => "All your chats", "Toutes vos discussions", "Todos sus chats";
    ChatSignInFirst => "Sign in to the support portal to chat with support.", "Connectez-vous au portail d'assistance pour discuter avec l'assistance.", "Inicie sesión en el portal de asistencia técnica para chatear con asistencia técnica.";
    ChatOpensAt => "Chat opens again on {when}.", "La discussion rouvre le {when}.", "El chat vuelve a abrir el {when}.";
    ChatInsteadCallback => "Meanwhile, support can call you back:", "En attendant, l'assistance peut vous rappeler :", "Mientras tanto, el equipo de asistencia puede devolverle la llamada:";
    NoChatsYet => "You have not chatted with support yet.", "Vous n'avez pas encore discuté avec l'assistance.", "Aún no ha chateado con asistencia técnica.";
    ChatStatusQueued => "Waiting in the queue", "En file d'attente", "En la cola";
    ChatStatusActive => "In progress", "En cours", "En curso";
    ChatStatusEnded => "Ended", "Terminée", "Terminado";

    // Help
    HelpLead => "Search the help articles on Analytics, Target and Audience Manager, and see what other customers discuss in the forums.", "Recherchez dans les articles d'aide sur Analytics, Target et Audience Manager, et découvrez les sujets dont discutent les autres clients dans les forums.", "Busque en los artículos de ayuda sobre Analytics, Target y Audience Manager y vea de qué hablan otros clientes en los foros.";
    HelpFilters => "Search and filter help articles", "Rechercher et filtrer les articles d'aide", "Buscar y filtrar artículos de ayuda";
    HelpSearchHint => "Results appear as you type; accents are optional.", "Les résultats s'affichent pendant la saisie ; les accents sont facultatifs.", "Los resultados aparecen mientras escribe; los acentos son opcionales.";
    HelpRecentTitle => "Recently updated articles", "Articles récemment mis à jour", "Artículos actualizados recientemente";
    HelpResultsTitle => "Search results", "Résultats de la recherche", "Resultados de la búsqueda";
    HelpFoundOne => "1 article found", "1 article trouvé", "1 artículo encontrado";
    HelpFoundMany => "{count} articles found", "{count} articles trouvés", "{count} artículos encontrados";
    HelpAvailableOne => "1 article available", "1 article disponible", "1 artículo disponible";
    HelpAvailableMany => "{count} articles available", "{count} articles disponibles", "{count} artículos disponibles";
    HelpInEnglish => "No article in your language matches, so these are in English.", "Aucun article en français ne correspond : voici les articles en anglais.", "Ningún artículo en español coincide: estos están en inglés.";
    HelpNothingMatches => "No article matches your search. Try other words or another product.", "Aucun article ne correspond à votre recherche. Essayez d'autres mots ou un autre produit.", "Ningún artículo coincide con su búsqueda. Pruebe con otras palabras u otro producto.";
    HelpNothingYet => "No help articles have been published yet.", "Aucun article d'aide n'a encore été publié.", "Todavía no se ha publicado ningún artículo de ayuda.";
    HelpUpdated => "Updated {date}", "Mis à jour le {date}", "Actualizado el {date}";
    HelpForumsTitle => "Popular forum threads", "Discussions populaires des forums", "Hilos populares de los foros";
    HelpForumsNone => "No forum threads for this product yet.", "Aucune discussion de forum pour ce produit pour l'instant.", "Todavía no hay hilos de foro para este producto.";
    HelpBack => "Back to help", "Retour à l'aide", "Volver a la ayuda";
    HelpArticleInEnglish => "This article is not available in your language yet; it is shown in English.", "Cet article n'est pas encore disponible en français ; il est affiché en anglais.", "Este artículo aún no está disponible en español; se muestra en inglés.";
    HelpArticleMissing => "This help article does not exist, or it was removed.", "Cet article d'aide n'existe pas ou a été supprimé.", "Este artículo de ayuda no existe o se ha eliminado.";
    HelpAbout => "About this article", "À propos de cet article", "Acerca de este artículo";
    HelpTags => "Tags", "Mots-clés", "Etiquetas";
    HelpRelated => "Related articles", "Articles connexes", "Artículos relacionados";
    HelpWasHelpful => "Was this helpful?", "Cet article vous a-t-il aidé ?", "¿Le ha resultado útil?";
    HelpVoteComment => "Anything to add? (optional)", "Quelque chose à ajouter ? (facultatif)", "¿Algo que añadir? (opcional)";
    HelpVoteSend => "Send my answer", "Envoyer ma réponse", "Enviar mi respuesta";
    HelpVoteSaved => "Thank you. Your answer is saved; you can change it at any time.", "Merci. Votre réponse est enregistrée ; vous pouvez la modifier à tout moment.", "Gracias. Su respuesta se ha guardado; puede cambiarla en cualquier momento.";
    HelpVoteYes => "You found this article helpful.", "Vous avez trouvé cet article utile.", "Este artículo le ha resultado útil.";
    HelpVoteNo => "You found this article unhelpful.", "Vous n'avez pas trouvé cet article utile.", "Este artículo no le ha resultado útil.";
    HelpVoteChoose => "Choose Yes or No.", "Choisissez Oui ou Non.", "Elija Sí o No.";
}
