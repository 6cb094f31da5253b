/**
 * A tiny OpenAPI 3.1 document that exercises every place a change can happen: a path-level
 * parameter shared by two operations, a query parameter, a request body, responses with a
 * header, a webhook, and components used in requests, in responses and in both.
 */
// biome-ignore lint/suspicious/noExplicitAny: rule tables edit the fixture freely as plain JSON.
export function tinySpec(): Record<string, any> {
  return {
    openapi: "3.1.0",
    info: { title: "Items", version: "1.0.0" },
    security: [{ oauth: ["Items.Read"] }],
    paths: {
      "/items/{id}": {
        summary: "One item",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        get: {
          operationId: "getItem",
          summary: "Read an item",
          parameters: [{ $ref: "#/components/parameters/select" }],
          responses: {
            "200": {
              description: "The item.",
              headers: { ETag: { schema: { type: "string" } } },
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/item" },
                  examples: { basic: { $ref: "#/components/examples/item" } },
                },
              },
            },
            "404": { $ref: "#/components/responses/notFound" },
          },
        },
        patch: {
          operationId: "updateItem",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/itemUpdate" } },
            },
          },
          responses: { "204": { description: "Updated." } },
        },
      },
    },
    webhooks: {
      itemChanged: {
        post: {
          requestBody: {
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/notification" } },
            },
          },
          responses: { "202": { description: "Accepted." } },
        },
      },
    },
    components: {
      securitySchemes: {
        oauth: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "https://example.test/token",
              scopes: { "Items.Read": "read" },
            },
          },
        },
      },
      parameters: {
        select: { name: "$select", in: "query", schema: { type: "string" } },
      },
      responses: {
        notFound: {
          description: "No such item.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/error" } } },
        },
      },
      examples: { item: { value: { id: "1" }, "x-expect": "valid" } },
      schemas: {
        item: {
          type: "object",
          description: "An item.",
          required: ["id"],
          properties: {
            id: { type: "string", readOnly: true },
            name: { type: ["string", "null"], maxLength: 50 },
            size: { type: "integer", minimum: 0, maximum: 10 },
            status: { $ref: "#/components/schemas/status" },
            owner: { oneOf: [{ $ref: "#/components/schemas/user" }, { type: "null" }] },
          },
        },
        itemUpdate: {
          type: "object",
          properties: {
            name: { type: "string", maxLength: 50 },
            status: { $ref: "#/components/schemas/status" },
          },
        },
        status: { type: "string", enum: ["active", "archived"] },
        user: { type: "object", properties: { id: { type: "string" } } },
        error: { type: "object", properties: { code: { type: "string" } } },
        notification: {
          type: "object",
          required: ["changeType"],
          properties: {
            changeType: { type: "string", enum: ["created", "updated"] },
            itemId: { type: "string" },
          },
        },
        tree: {
          type: "object",
          properties: { children: { type: "array", items: { $ref: "#/components/schemas/tree" } } },
        },
      },
    },
  };
}
