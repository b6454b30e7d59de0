// Copies GOV.UK Frontend's fonts, images and script beside the compiled CSS.
import { cpSync, mkdirSync } from "node:fs";

mkdirSync("static/build", { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/assets", "static/build/assets", { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", "static/build/govuk-frontend.min.js");
cpSync("frontend/init.js", "static/build/init.js");
cpSync("frontend/js-enabled.js", "static/build/js-enabled.js");
