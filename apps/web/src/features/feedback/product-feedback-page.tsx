import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { productEpicsQuery } from '../product-roadmap/queries';
import { useLiveProduct } from '../product-roadmap/use-live-product';
import { productQuery } from '../products/queries';
import { FeedbackInbox } from './feedback-inbox';
import { feedbackKeyOf, productFeedbackScope } from './queries';

/**
 * The product's inbox from the product itself (`/api/products/:product/feedback`): the same inbox every
 * team shows, kept live from the teams' logs, where feedback sent or triaged anywhere is recorded.
 */
export function ProductFeedbackPage() {
  const productKey = useParams().product ?? '';
  const scope = productFeedbackScope(productKey);
  const epics = useQuery(productEpicsQuery(productKey)).data?.items ?? [];
  const teams = useQuery(productQuery(productKey)).data?.teams ?? [];
  useLiveProduct(
    teams.map((t) => t.key),
    feedbackKeyOf(scope),
  );
  return <FeedbackInbox scope={scope} epics={epics} />;
}
