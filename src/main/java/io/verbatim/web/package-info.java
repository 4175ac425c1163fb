/**
 * The web app's pages: dashboards, the calls explorer, call detail, ask and settings. Server-rendered
 * (Thymeleaf) with htmx and ECharts; every page reads through the same role-scoped services as the API.
 * Nothing depends on this module.
 */
package io.verbatim.web;
