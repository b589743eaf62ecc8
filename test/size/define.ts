// A vite app that registers the tags as the README says (`provider="…"` attributes on the page).
import 'consent-elements/define';
