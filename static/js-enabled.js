// Marks the page as having JavaScript before it is drawn, so GOV.UK Frontend's components show in
// their enhanced form at once. A file, not an inline script: the Content-Security-Policy allows
// only the application's own script files.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
