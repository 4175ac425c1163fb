/**
 * Mystery-shopping campaigns and the zones they run in: zones (ISO 3166-1 country, ISO 3166-2 state, city) with
 * the people assigned to them; campaigns (draft, active, closed) with a survey, dates, goals (evaluations in total
 * and per zone, target score) and assigned managers, shoppers and zones. Managers and shoppers see only the
 * campaigns they are assigned to. {@link io.verbatim.campaigns.Campaigns} serves other modules.
 */
package io.verbatim.campaigns;
