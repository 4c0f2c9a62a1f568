//! Every string a person sees, in English, French and Spanish, one row per key.
//!
//! A row without all three languages does not compile, so no key can lack a translation. Role
//! names and phase wording follow the announcement in `shared/seeds/`. Placeholders are `{name}`.

use support_contract::Locale;

macro_rules! messages {
    ($($key:ident => $en:literal, $fr:literal, $es:literal;)*) => {
        /// A translatable string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for the completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The text of `key` in `locale`.
        pub fn text(key: Key, locale: Locale) -> &'static str {
            match locale {
                Locale::En => match key { $(Key::$key => $en),* },
                Locale::Fr => match key { $(Key::$key => $fr),* },
                Locale::Es => match key { $(Key::$key => $es),* },
            }
        }
    };
}

messages! {
    // Shell
    AppName => "Support Portal", "Portail d'assistance", "Portal de asistencia técnica";
    SkipToContent => "Skip to main content", "Aller au contenu principal", "Saltar al contenido principal";
    Language => "Language", "Langue", "Idioma";
    SignOut => "Sign out", "Se déconnecter", "Cerrar sesión";
    MainNavigation => "Main navigation", "Navigation principale", "Navegación principal";
    Loading => "Loading…", "Chargement…", "Cargando…";
    SignedInAs => "Signed in as {name}", "Connecté en tant que {name}", "Sesión iniciada como {name}";
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
    SignInTitle => "Sign in to Support Portal", "Connexion au portail d'assistance", "Iniciar sesión en el portal de asistencia técnica";
    Email => "Email", "Adresse e-mail", "Correo electrónico";
    Password => "Password", "Mot de passe", "Contraseña";
    SignIn => "Sign in", "Se connecter", "Iniciar sesión";
    SigningIn => "Signing in…", "Connexion…", "Iniciando sesión…";
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

    // Access, not found, not yet built
    AccessTitle => "You do not have access to this page", "Vous n'avez pas accès à cette page", "No tiene acceso a esta página";
    AccessNeedsRole => "This page is for: {roles}.", "Cette page est réservée aux rôles suivants : {roles}.", "Esta página es para: {roles}.";
    AccessYourRole => "Your role: {role}.", "Votre rôle : {role}.", "Su función: {role}.";
    AskAdmins => "To get access, ask one of your organisation's support administrators:", "Pour obtenir l'accès, adressez-vous à l'un des administrateurs de l'assistance de votre organisation :", "Para obtener acceso, pida a uno de los administradores de asistencia técnica de su organización:";
    NoSupportAdmins => "Your organisation has no support administrator yet. Call support: the numbers are on the Contact support page.", "Votre organisation n'a pas encore d'administrateur de l'assistance. Appelez l'assistance : les numéros figurent sur la page Contacter l'assistance.", "Su organización aún no tiene administrador de asistencia técnica. Llame a asistencia técnica: los números están en la página Contactar con asistencia técnica.";
    BackHome => "Go to the home page", "Aller à la page d'accueil", "Ir a la página de inicio";
    NotFoundTitle => "Page not found", "Page introuvable", "Página no encontrada";
    NotFoundBody => "The address may be mistyped, or the page has moved.", "L'adresse est peut-être mal saisie, ou la page a été déplacée.", "Puede que la dirección esté mal escrita o que la página se haya movido.";
    NotYetTitle => "Not available yet", "Pas encore disponible", "Aún no disponible";
    NotYetBody => "This part of the portal is not available yet. Meanwhile, call support: the numbers are on the Contact support page.", "Cette partie du portail n'est pas encore disponible. En attendant, appelez l'assistance : les numéros figurent sur la page Contacter l'assistance.", "Esta parte del portal aún no está disponible. Mientras tanto, llame a asistencia técnica: los números están en la página Contactar con asistencia técnica.";

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

    // Contact
    PhoneNumbers => "Phone numbers", "Numéros de téléphone", "Números de teléfono";
    YourRegion => "Your organisation's region: {region}", "Région de votre organisation : {region}", "Región de su organización: {region}";
    AroundTheClock => "24x7, for P1 Critical issues", "24 h/24, 7 j/7, pour les problèmes P1 critiques", "24x7, para problemas P1 críticos";
    DuringBusinessHours => "During business hours", "Pendant les heures ouvrables", "En horario laboral";
    BusinessHours => "Business hours", "Heures ouvrables", "Horario laboral";
    HoursRange => "{opens}–{closes} ({zone}), {days}", "{opens}–{closes} ({zone}), {days}", "{opens}–{closes} ({zone}), {days}";
    AllProducts => "All products", "Tous les produits", "Todos los productos";
    ChannelsPerProduct => "How to reach support for each product", "Comment joindre l'assistance pour chaque produit", "Cómo contactar con asistencia técnica para cada producto";
    OtherRegions => "Other regions", "Autres régions", "Otras regiones";
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

    // Settings
    TimeZone => "Time zone", "Fuseau horaire", "Zona horaria";
    FollowBrowserTimeZone => "This browser's time zone ({zone})", "Fuseau horaire du navigateur ({zone})", "Zona horaria del navegador ({zone})";
    FollowBrowserLanguage => "This browser's language", "Langue du navigateur", "Idioma del navegador";
    Save => "Save", "Enregistrer", "Guardar";
    Saving => "Saving…", "Enregistrement…", "Guardando…";
    Saved => "Your settings are saved.", "Vos paramètres sont enregistrés.", "Su configuración se ha guardado.";
    DateExample => "Dates and times appear like this: {example}", "Les dates et heures s'affichent ainsi : {example}", "Las fechas y horas se muestran así: {example}";

    // Support users
    SupportUsersCount => "Support users: {count}", "Utilisateurs de l'assistance : {count}", "Usuarios de asistencia técnica: {count}";
    ColName => "Name", "Nom", "Nombre";
    ColRole => "Role", "Rôle", "Función";
    ColStatus => "Status", "Statut", "Estado";
    ColSource => "Set up from", "Origine", "Origen";
    ColCreated => "Created", "Créé le", "Creado";
    StatusInvited => "Invited", "Invité", "Invitado";
    StatusActive => "Active", "Actif", "Activo";
    StatusRemoved => "Removed", "Supprimé", "Eliminado";
    SourcePurchaseContract => "Purchase contract", "Contrat d'achat", "Contrato de compra";
    SourceEarlierRequest => "Earlier support request", "Demande d'assistance antérieure", "Solicitud de asistencia anterior";
    SourcePortal => "Created in the portal", "Créé dans le portail", "Creado en el portal";
    ShowMore => "Show more", "Afficher plus", "Mostrar más";
    NoSupportUsers => "Your organisation has no support users yet.", "Votre organisation n'a pas encore d'utilisateurs de l'assistance.", "Su organización aún no tiene usuarios de asistencia técnica.";
}
