interface Named {
  key: string;
  name: string;
}

/**
 * What an invitation (or its accept answer) brings its holder into, and where they land after joining: a
 * team's backlog, or a product's roadmap (a product role holds in all its teams).
 */
export function invitedTo(invitation: { project?: Named | undefined; product?: Named | undefined }) {
  const { project, product } = invitation;
  if (project)
    return { ...project, path: `/projects/${encodeURIComponent(project.key)}/backlog`, isProduct: false };
  if (product)
    return { ...product, path: `/products/${encodeURIComponent(product.key)}/roadmap`, isProduct: true };
  return null;
}
