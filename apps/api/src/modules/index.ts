import adminRoutes from './admin/routes';
import authRoutes from './auth/routes';
import backlogRoutes from './backlog/routes';
import epicRoutes from './epics/routes';
import eventRoutes from './events/routes';
import feedbackRoutes from './feedback/routes';
import healthRoutes from './health/routes';
import liveRoutes from './live/routes';
import memberRoutes from './members/routes';
import invitationRoutes from './invitations/routes';
import passwordRoutes from './passwords/routes';
import productRoutes from './products/routes';
import projectRoutes from './projects/routes';
import roadmapRoutes from './roadmap/routes';
import sprintRoutes from './sprints/routes';
import ssoRoutes from './sso/routes';
import boardRoutes from './board/routes';
import workflowRoutes from './workflow/routes';
import storyRoutes from './stories/routes';
import storyDetailRoutes from './story-detail/routes';
import notificationRoutes from './notifications/routes';
import watcherRoutes from './watchers/routes';
import searchRoutes from './search/routes';
import subtaskRoutes from './subtasks/routes';
import linkRoutes from './links/routes';
import commentRoutes from './comments/routes';
import reportRoutes from './reports/routes';
import importRoutes from './imports/routes';

/** Every resource module of the API, registered in this order by `buildApp`. */
export const modules = [
  healthRoutes,
  authRoutes,
  ssoRoutes,
  adminRoutes,
  projectRoutes,
  productRoutes,
  memberRoutes,
  invitationRoutes,
  passwordRoutes,
  storyRoutes,
  storyDetailRoutes,
  backlogRoutes,
  eventRoutes,
  liveRoutes,
  epicRoutes,
  roadmapRoutes,
  feedbackRoutes,
  sprintRoutes,
  boardRoutes,
  workflowRoutes,
  notificationRoutes,
  watcherRoutes,
  searchRoutes,
  subtaskRoutes,
  linkRoutes,
  commentRoutes,
  reportRoutes,
  importRoutes,
];
