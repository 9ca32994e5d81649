import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { peopleOfOrganisation } from '../people/repository.ts';
import { decodeCursor, encodeCursor, resolveOrganisationFilter, sortOf } from './filters.ts';
import type { OrganisationListQuery } from './inputs.ts';
import { organisationJsonLd, presentPublicOrganisation } from './present.ts';
import * as repo from './repository.ts';
import { vocabularyLabels } from './service.ts';

// The public directory: published organisations only, no contact details, people only with consent.

export async function listPublicOrganisations(
  ctx: Ctx,
  query: Partial<OrganisationListQuery> & { limit: number },
) {
  const db = ctx.database.db;
  const filter = await resolveOrganisationFilter(db, { ...query, published: undefined }, { published: true });
  const offset = decodeCursor(query.cursor);
  const { typeLabel } = await vocabularyLabels(db, ctx.locale);
  const rows = await repo.listOrganisations(db, filter, {
    sort: sortOf(query),
    offset,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => presentPublicOrganisation(ctx, r, typeLabel)),
    nextCursor: rows.length > query.limit ? encodeCursor(offset + query.limit) : null,
  };
}

export async function getPublicOrganisation(ctx: Ctx, id: string) {
  const db = ctx.database.db;
  const row = await repo.findOrganisation(db, id);
  if (!row?.published || row.mergedIntoId) throw problems.notFound('organisation');
  const { typeLabel, roleLabel } = await vocabularyLabels(db, ctx.locale);
  const org = presentPublicOrganisation(ctx, row, typeLabel);
  const around = await repo.membershipsAround(db, id);
  const published = new Set(
    (
      await repo.listOrganisations(
        db,
        {
          ids: [...new Set(around.flatMap((m) => [m.parentId, m.organisationId ?? '']).filter(Boolean))],
          published: true,
        },
        { sort: 'name', offset: 0, limit: 1000 },
      )
    ).map((o) => o.id),
  );
  const view = (m: (typeof around)[number]) => ({
    organisationId: m.organisationId,
    memberName: m.memberName,
    parentId: m.parentId,
    parentName: m.parentName,
    roleCode: m.roleCode,
    roleLabel: roleLabel(m.roleCode),
    startDate: m.startDate,
    endDate: m.endDate,
  });
  const memberOf = around.filter((m) => m.organisationId === id && published.has(m.parentId));
  const members = around.filter(
    (m) => m.parentId === id && m.organisationId && published.has(m.organisationId),
  );
  const consenting = new Set(
    (await peopleOfOrganisation(db, id)).filter((p) => p.publicConsent).map((p) => p.id),
  );
  const people = around
    .filter((m) => m.parentId === id && m.personId && consenting.has(m.personId))
    .map((m) => ({ name: m.memberName, roleLabel: roleLabel(m.roleCode), label: m.label }));
  return {
    ...org,
    memberOf: memberOf.map(view),
    members: members.map(view),
    people,
    jsonLd: organisationJsonLd(
      org,
      memberOf.map((m) => ({ id: m.parentId, name: m.parentName })),
      ctx.config.publicUrl,
    ),
  };
}

/** The public directory's pages for the sitemap: the list and every published organisation. */
export async function sitemapEntries(ctx: Ctx) {
  const rows = await repo.publishedOrganisationStamps(ctx.database.db, 49_000);
  return [
    { path: '/directory/public' },
    ...rows.map((r) => ({ path: `/directory/public/${r.id}`, lastmod: r.updatedAt })),
  ];
}
