import { Subtitle2 } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { useViewStyles } from "./styles";

/** A view's section: a region named by its heading (h2, or h3 inside another section). */
export function Section(props: { title: ReactNode; id?: string; level?: 2 | 3; children: ReactNode }) {
  const view = useViewStyles();
  const made = useId();
  const id = props.id ?? made;
  return (
    <section className={view.section} aria-labelledby={id}>
      <Subtitle2 as={props.level === 3 ? "h3" : "h2"} id={id} className={view.heading}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
