import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RemoteImage } from '../../src/components/remote-image.tsx';

describe('RemoteImage', () => {
  it('is lazy and decorative, and fades in once loaded', () => {
    const { container } = render(<RemoteImage src="https://example.com/a.jpg" width={1200} height={630} />);
    const image = container.querySelector('img');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('data-state', 'loading');
    fireEvent.load(image as HTMLImageElement);
    expect(image).toHaveAttribute('data-state', 'loaded');
  });

  it('leaves the page when it fails to load, so no broken-image icon shows', () => {
    const onFailure = vi.fn();
    const { container } = render(<RemoteImage src="https://offline.example/a.jpg" onFailure={onFailure} />);
    fireEvent.error(container.querySelector('img') as HTMLImageElement);
    expect(container.querySelector('img')).toBeNull();
    expect(onFailure).toHaveBeenCalledOnce();
  });
});
