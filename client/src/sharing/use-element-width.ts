import { useCallback, useEffect, useState } from 'react';

/**
 * The content width (px) of an element, following its resizes (the drawer and
 * inspector change it). A callback ref, so an element that mounts later (the
 * chart appears once the data and its tab are there) is measured too.
 */
export function useElementWidth(fallback: number): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element) return;
    const measure = () => setWidth(Math.max(0, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const ref = useCallback((next: HTMLElement | null) => setElement(next), []);
  return [ref, width];
}
