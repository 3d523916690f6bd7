import authRoutes from './auth/routes';
import backlogRoutes from './backlog/routes';
import eventRoutes from './events/routes';
import healthRoutes from './health/routes';
import memberRoutes from './members/routes';
import projectRoutes from './projects/routes';
import storyRoutes from './stories/routes';

/** Every resource module of the API, registered in this order by `buildApp`. */
export const modules = [
  healthRoutes,
  authRoutes,
  projectRoutes,
  memberRoutes,
  storyRoutes,
  backlogRoutes,
  eventRoutes,
];
