import { z } from 'zod';
import { PRODUCT_ROLES } from '../policy';
import { id, isoDate, isoDateTime, projectKey, requiredText } from './common';
import { email, role } from './auth';
import { member } from './project';

/** A product: the vision, epics, roadmap and feedback shared by its teams (projects). */
export const product = z.object({
  id,
  key: projectKey,
  name: z.string(),
  vision: z.string(),
  createdAt: isoDateTime,
});
export type Product = z.infer<typeof product>;

export const productRole = z.enum(PRODUCT_ROLES);
export const productRoles = z
  .array(productRole)
  .min(1, 'a product member holds at least one role')
  .max(PRODUCT_ROLES.length);

/** A team of the product, with its velocity (average completed points of its last closed sprints). */
export const productTeam = z.object({ key: projectKey, name: z.string(), velocity: z.number().nullable() });

export const productParams = z.object({ product: projectKey });
export const productMemberParams = z.object({ product: projectKey, userId: id });
export const createProductBody = z.object({ key: projectKey, name: requiredText(100) });
export const addTeamBody = z.object({ project: projectKey });
export const addProductMemberBody = z.object({ email, roles: productRoles });
export const updateProductMemberBody = z.object({ roles: productRoles });

export const productResponse = z.object({ product });
export const productItem = product.extend({ roles: z.array(role) });
export const productListResponse = z.object({ items: z.array(productItem) });
export const productDetailResponse = z.object({
  product,
  roles: z.array(role),
  teams: z.array(productTeam),
});
export const teamsResponse = z.object({ teams: z.array(productTeam) });
export const productMember = member.extend({ roles: z.array(productRole) });
export const productMemberResponse = z.object({ member: productMember });
export const productMemberListResponse = z.object({ items: z.array(productMember) });

/** One product of the portfolio (the head of product's page): its teams, epics at risk or misaligned, next target. */
export const portfolioProduct = z.object({
  product,
  teams: z.array(productTeam),
  epics: z.object({
    total: z.number().int(),
    atRisk: z.number().int(),
    misaligned: z.number().int(),
    /** Epics with a dependency conflict (a blocker its team finishes too late). */
    conflicts: z.number().int(),
  }),
  /** The nearest target date of an epic not done yet, today or later; null when none. */
  nextTarget: isoDate.nullable(),
});
export const portfolioResponse = z.object({ products: z.array(portfolioProduct) });
