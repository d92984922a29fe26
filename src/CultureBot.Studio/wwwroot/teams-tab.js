// The Teams tab's sign-in. Teams hands the tab a token for the person using it (single sign-on: no prompt, no
// password); the server checks it and answers with the studio's session cookie, then the tab opens the studio in the
// person's Teams language. Outside Teams, or when anything fails, the page says so and offers the other sign-ins.
(function () {
    'use strict';

    function failed() {
        document.getElementById('teams-signin-status').hidden = true;
        document.getElementById('teams-signin-failed').hidden = false;
    }

    function withinTeams(promise) {
        // Opened in a plain browser, the library waits for a Teams frame that never answers.
        return Promise.race([promise, new Promise(function (_, reject) { setTimeout(function () { reject(new Error('Not in Teams')); }, 15000); })]);
    }

    async function signIn() {
        await withinTeams(microsoftTeams.app.initialize());
        var context = await microsoftTeams.app.getContext();
        var locale = (context.app && context.app.locale) || new URLSearchParams(location.search).get('culture') || '';
        var token = await microsoftTeams.authentication.getAuthToken();
        // The token goes in the body, never in the address (where logs and history would keep it).
        var response = await fetch('signin/teams', {
            method: 'POST',
            body: new URLSearchParams({ token: token, culture: locale }),
            credentials: 'same-origin',
            redirect: 'manual'
        });
        if (response.type === 'opaqueredirect' || response.ok) {
            location.assign(locale ? './?culture=' + encodeURIComponent(locale) : './');
        } else if (response.status === 403) {
            location.assign(await response.text());
        } else {
            failed();
        }
    }

    signIn().catch(failed);
})();
