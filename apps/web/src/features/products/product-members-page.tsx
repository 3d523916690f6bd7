import { useQueries, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PRODUCT_ROLES, productMemberResponse, ROLE_LABELS, type ProductRole } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { productPath } from '../../shared/api/paths';
import { ErrorState, PageSkeleton, RoleHint } from '../../shared/ui/feedback';
import { AddMemberForm } from '../members/add-member-form';
import { InvitationsPanel } from '../members/invitations-panel';
import { MemberRow } from '../members/member-row';
import { useCan } from '../projects/access';
import { membersQuery } from '../projects/queries';
import { peopleToAdd } from './product-rules';
import { productKeys, productMembersQuery, productQuery } from './queries';
import { useProductCommand } from './use-product-command';
import '../members/members.css';

type MemberCommand =
  | { command: 'add'; email: string; roles: ProductRole[] }
  | { command: 'roles'; userId: string; name: string; roles: ProductRole[] }
  | { command: 'remove'; userId: string; name: string };

function useMemberCommand(productKey: string) {
  const members = `${productPath(productKey)}/members`;
  return useProductCommand(
    productKey,
    async (action: MemberCommand) => {
      if (action.command === 'add')
        return (
          await request(members, productMemberResponse, {
            method: 'POST',
            body: { email: action.email, roles: action.roles },
          })
        ).member.user.name;
      if (action.command === 'roles')
        await request(`${members}/${action.userId}`, productMemberResponse, {
          method: 'PATCH',
          body: { roles: action.roles },
        });
      else await request(`${members}/${action.userId}`, null, { method: 'DELETE' });
      return action.name;
    },
    (name, action) =>
      action.command === 'add'
        ? `${name} is ${action.roles.map((r) => ROLE_LABELS[r]).join(' and ')} of the product`
        : action.command === 'remove'
          ? `${name} has no product role any more`
          : null,
  );
}

/** The people of the product's teams who are not product members yet: picked by name instead of typed. */
function usePeopleOfTeams(productKey: string) {
  const teams = useQuery(productQuery(productKey)).data?.teams ?? [];
  const members = useQueries({ queries: teams.map((t) => membersQuery(t.key)) });
  const productMembers = useQuery(productMembersQuery(productKey)).data?.items ?? [];
  return peopleToAdd(
    members.map((m) => m.data?.items ?? []),
    productMembers,
  );
}

/** Adds by email, or by a pick among the people of the product's teams. */
function AddProductMember({
  productKey,
  command,
}: {
  productKey: string;
  command: ReturnType<typeof useMemberCommand>;
}) {
  const people = usePeopleOfTeams(productKey);
  return (
    <AddMemberForm
      title="Add a product member"
      emailLabel="Email of someone with an Ordo account, or pick someone of a team"
      submitLabel="Add to the product"
      choices={PRODUCT_ROLES}
      initialRoles={['product_manager']}
      people={people}
      onAdd={(email, roles) => command.mutate({ command: 'add', email, roles })}
    >
      <p className="muted">
        A product role holds in every team of the product: a Product Manager runs its epics, roadmap, vision
        and feedback; a Stakeholder reads every team; an Admin manages its members and teams.
      </p>
    </AddMemberForm>
  );
}

/** Who holds a product role (in every team of it); the product's admins manage it, keeping one admin at least. */
export function ProductMembersPage() {
  const productKey = useParams().product ?? '';
  const members = useQuery(productMembersQuery(productKey));
  const managing = useCan('product.manage');
  const command = useMemberCommand(productKey);
  // The roles being saved show at once (and the server's once it answers), so a ticked box stays ticked.
  const pending = command.isPending && command.variables.command === 'roles' ? command.variables : null;
  if (members.isPending) return <PageSkeleton rows={5} label="Loading the product's members" />;
  if (members.isError)
    return <ErrorState message={describeError(members.error)} onRetry={() => members.refetch()} />;
  return (
    <main className="page">
      <h1>Product members</h1>
      {!managing.allowed && <RoleHint reason={managing.reason} />}
      <ul className="members" aria-label="Product members">
        {members.data.items.map(({ user, roles }) => (
          <MemberRow
            key={user.id}
            user={user}
            choices={PRODUCT_ROLES}
            rolesLabel="Product roles of"
            roles={pending?.userId === user.id ? pending.roles : roles}
            managing={managing}
            busy={command.isPending}
            onRoles={(next) =>
              command.mutate({ command: 'roles', userId: user.id, name: user.name, roles: next })
            }
            onRemove={() => command.mutate({ command: 'remove', userId: user.id, name: user.name })}
          />
        ))}
      </ul>
      {managing.allowed && (
        <>
          {/* Someone without an account yet comes in by invitation, with product roles. */}
          <InvitationsPanel
            scope={{
              path: productPath(productKey),
              cacheKey: productKeys.all(productKey),
              choices: PRODUCT_ROLES,
              initialRoles: ['product_manager'],
            }}
          />
          <AddProductMember productKey={productKey} command={command} />
        </>
      )}
      <p className="muted">
        Team roles (Product Owner, Scrum Master, Developer) are held per team, on each team's Members page.
      </p>
    </main>
  );
}
