import { useMemo } from 'react';
import type { Article } from '../../../shared/article-schema.ts';
import { toggleTopic } from '../../../shared/feed-params.ts';
import {
  countTopics,
  countUnpublished,
  filterByTopics,
  visibleArticles,
} from '../../../shared/feed-selection.ts';
import { TopicFilter } from '../../topics/components/topic-filter.tsx';
import { useArticles, useLiveSeeds } from '../api/articles-query.ts';
import { useFeedParams } from '../hooks/use-feed-params.ts';
import { useNow } from '../hooks/use-now.ts';
import { ArticleCard } from './article-card.tsx';
import { EmptyState } from './empty-state.tsx';
import { LoadError } from './load-error.tsx';
import { StatusLine } from './status-line.tsx';
import { UnpublishedToggle } from './unpublished-toggle.tsx';

const noArticles: readonly Article[] = [];

/** The reader: topic filter beside a newest-first feed, all driven by the URL. */
export function FeedPage() {
  useLiveSeeds();
  const query = useArticles();
  const [params, setParams] = useFeedParams();
  const now = useNow();
  const all = query.data ?? noArticles;

  const view = useMemo(() => {
    const pool = visibleArticles(all, params.showUnpublished);
    const matching = filterByTopics(pool, params.topics);
    const hiddenUnpublished = params.showUnpublished
      ? 0
      : filterByTopics(all, params.topics).length - matching.length;
    return {
      topics: countTopics(pool, params.topics),
      matching,
      unpublished: countUnpublished(all),
      hiddenUnpublished,
    };
  }, [all, params]);

  const onTopic = (topic: string) => setParams(toggleTopic(params, topic));
  const clearTopics = () => setParams({ ...params, topics: [] });
  const showUnpublished = (show: boolean) => setParams({ ...params, showUnpublished: show });

  return (
    <div className="layout">
      <aside className="sidebar" aria-label="Filters">
        <TopicFilter topics={view.topics} selected={params.topics} onToggle={onTopic} onClear={clearTopics} />
      </aside>
      <main id="main" className="feed" tabIndex={-1}>
        <div className="toolbar">
          <StatusLine state={query.status} count={view.matching.length} />
          <UnpublishedToggle
            count={view.unpublished}
            checked={params.showUnpublished}
            onChange={showUnpublished}
          />
        </div>
        {query.isError && (
          <LoadError error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
        )}
        {query.isPending && <div className="skeleton" aria-hidden="true" />}
        {query.isSuccess &&
          (view.matching.length === 0 ? (
            <EmptyState
              hiddenUnpublished={view.hiddenUnpublished}
              topicsChosen={params.topics.length > 0}
              onShowUnpublished={() => showUnpublished(true)}
              onClearTopics={clearTopics}
            />
          ) : (
            <ol className="cards" aria-label="Articles">
              {view.matching.map((article) => (
                <li key={article.id}>
                  <ArticleCard article={article} now={now} selectedTopics={params.topics} onTopic={onTopic} />
                </li>
              ))}
            </ol>
          ))}
      </main>
    </div>
  );
}
