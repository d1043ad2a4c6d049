export { Alert } from "./alert.tsx";
export { Badge } from "./badge.tsx";
export { Button, type ButtonProps } from "./button.tsx";
export { Card, CardHeader } from "./card.tsx";
export { cn } from "./cn.ts";
export { EmptyState } from "./empty-state.tsx";
export { SelectField, TextField } from "./field.tsx";
