import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { RemoteImage } from '../../src/components/remote-image.tsx';

describe('RemoteImage', () => {
  it('is lazy and decorative, and fades in once loaded', () => {
    render(<RemoteImage src="https://example.com/a.jpg" width={1200} height={630} />);
    const image = screen.getByRole('presentation');
    expect(image).toHaveAttribute('loading', 'lazy');
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('data-state', 'loading');
    fireEvent.load(image);
    expect(image).toHaveAttribute('data-state', 'loaded');
  });

  it('leaves the page when it fails to load, so no broken-image icon shows', () => {
    const onFailure = vi.fn();
    render(<RemoteImage src="https://offline.example/a.jpg" onFailure={onFailure} />);
    fireEvent.error(screen.getByRole('presentation'));
    expect(screen.queryByRole('presentation')).not.toBeInTheDocument();
    expect(onFailure).toHaveBeenCalledOnce();
  });
});
