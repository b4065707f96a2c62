import { queryOptions } from '@tanstack/react-query';
import { dataPath, type NewsIndex } from '../../../shared/data-folder.ts';
import { storyOfRanks, type StoryKeys } from '../../../shared/story-ranks.ts';
import { dataFileKey, fetchDataFile } from '../../../lib/data-file.ts';

/**
 * `stories.json`, as what counting and grouping use: the story of each rank (see storyOfRanks),
 * worked out once when the file arrives. The archive's size is in the key: an unchanged file is
 * shared by builds of other sizes (the dev server's, after an edit), whose ranks differ.
 */
export const storiesQuery = (index: NewsIndex) =>
  queryOptions({
    queryKey: [...dataFileKey(index, dataPath.stories), index.count.all],
    queryFn: async ({ client, signal }) =>
      storyOfRanks(index.count.all, await fetchDataFile<StoryKeys>(client, index, dataPath.stories, signal)),
    staleTime: 'static',
  });
