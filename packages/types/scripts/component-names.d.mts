export declare const generatedHeader: string;
export declare function typeName(componentName: string): string;
export declare function namedExportsModule(document: {
  components?: { schemas?: Record<string, { description?: string }> };
}): string;
