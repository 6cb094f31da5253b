// Generated from spec/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `pnpm generate`.

export interface paths {
    "/communications/calls/{callId}/recordResponse": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a short audio response from the caller
         * @description Plays the optional prompt, then records what the caller says and returns the
         *     `recordOperation` it started (usually `running`). The final state arrives on the call's
         *     callback URI as a `commsNotifications` request (webhook `commsNotifications`) with
         *     `changeType: deleted`; when the response already says `completed` or `failed`, no
         *     notification follows.
         *
         *     Only for calls created with service-hosted media. A recording lasts at most 2 minutes.
         *     The service does not keep the audio: fetch `recordingLocation` with
         *     `Authorization: Bearer <recordingAccessToken>` as soon as the operation completes.
         */
        post: operations["call_recordResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communications/calls/{callId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the call (superseded by recordResponse)
         * @deprecated
         * @description Deprecated: the beta action `record`, renamed `recordResponse` in 2019. The beta metadata
         *     still has it, with the parameters of beta `recordResponse` (including
         *     `streamWhileRecording`), but no current page documents it. This operation answers
         *     `200 OK` with the `recordOperation` as the body (the auto-generated `record` page; its
         *     example wraps the body in `value`, which Graph does not do for a single entity).
         *     Use `call_recordResponse` instead.
         */
        post: operations["call_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/calls/{callId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the call (legacy /app root)
         * @deprecated
         * @description Deprecated: the old beta "call: record" action under the `/app` root, which Graph
         *     deprecated in favour of `/communications`. It answers `202 Accepted` with no body and a
         *     `Location` header that points to the `commsOperation` it created; the result arrives
         *     as a `commsNotifications` callback in its legacy form (`resource` instead of
         *     `resourceUrl`, `recordResourceLocation`/`recordResourceAccessToken`). Use
         *     `call_recordResponse` instead.
         */
        post: operations["appCall_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{applicationId}/calls/{callId}/record": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the application (the old page writes `{id}` for both ids). */
                applicationId: string;
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the call (legacy /applications root)
         * @deprecated
         * @description Deprecated: the same legacy action as `appCall_record`, addressed through the
         *     application. Neither the v1.0 metadata nor the beta OpenAPI has an
         *     `/applications/{id}/calls` path; it is described because the old beta page lists it.
         *     It answers `202 Accepted` with no body and a `Location` header. Use
         *     `call_recordResponse` instead.
         */
        post: operations["applicationCall_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/calls/{callId}/recordResponse": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a short audio response from the caller (legacy /app root)
         * @deprecated
         * @description Deprecated: the beta recordResponse page lists this `/app` path and marks it deprecated
         *     in favour of `/communications`. Same request and response as `call_recordResponse`.
         */
        post: operations["appCall_recordResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/calls/{callId}/updateRecordingStatus": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report recording status (legacy /app root)
         * @deprecated
         * @description Deprecated: the beta updateRecordingStatus page also lists this `/app` path; `/app` is
         *     deprecated in favour of `/communications`. Same request and response as
         *     `call_updateRecordingStatus`.
         */
        post: operations["appCall_updateRecordingStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communications/calls/{callId}/updateRecordingStatus": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tell the call that the application has started, stopped or failed recording
         * @description Required by Teams policy-based recording: an application must call this with
         *     `recording` and receive a success reply **before** it persists any media, and must stop
         *     recording before it reports `notRecording`. Returns the `updateRecordingStatusOperation`
         *     and a `Location` header pointing to it.
         */
        post: operations["call_updateRecordingStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communications/calls/{callId}/operations": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        /**
         * List the operations of a call
         * @description Returns the operations that actions on the call created, one page at a time (Graph's
         *     navigation property `call.operations`). Its use here is reconciliation: the actions are
         *     not idempotent, so when an action's answer is lost (a 503 or 504 after the request was
         *     sent, a reset connection, a truncated body), look for the operation whose
         *     `clientContext` is the one the request carried before sending the request again.
         *     Compare `clientContext` on the client side and follow `@odata.nextLink` until it is
         *     absent; no query options are described (see DECISIONS.md). Each item is a
         *     `commsOperation`, told apart by `@odata.type`; operations of other actions on the same
         *     call (for example `playPromptOperation`) are outside this description. Graph documents
         *     no page for this list.
         */
        get: operations["call_listOperations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/communications/calls/{callId}/operations/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
                /** @description Id of the operation, as returned in the action's body (`id`) or `Location` header. */
                operationId: string;
            };
            cookie?: never;
        };
        /**
         * Read the current state of a call operation
         * @description Returns the operation that an action created. The body is a `commsOperation`; its
         *     `@odata.type` says which concrete type it is (`#microsoft.graph.recordOperation` or
         *     `#microsoft.graph.updateRecordingStatusOperation`). Graph documents no page for this
         *     read: the callback (`commsNotifications`) is the primary channel, so poll only as a
         *     fallback, with a deadline.
         */
        get: operations["call_getOperation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/onlineMeetings/{meetingId}/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
            };
            cookie?: never;
        };
        /**
         * List the recordings of one of the signed-in user's online meetings
         * @description Delegated access only (`/me`). Works only for scheduled meetings that have not expired;
         *     channel meetings and meetings not tied to a calendar event are not supported. The v1.0
         *     page supports no query options; the beta page filters this collection with `$filter`.
         */
        get: operations["me_onlineMeeting_listRecordings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/onlineMeetings/{meetingId}/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
            };
            cookie?: never;
        };
        /**
         * List the recordings of a user's online meeting
         * @description With application permission, an administrator must grant an application access policy
         *     to the user in the path. Works only for scheduled meetings that have not expired.
         */
        get: operations["user_onlineMeeting_listRecordings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/onlineMeetings/{meetingId}/recordings/{recordingId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        /**
         * Get one recording of one of the signed-in user's online meetings
         * @description Delegated access only (`/me`). A metered API (402 when the payment requirements are not met).
         */
        get: operations["me_onlineMeeting_getRecording"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        /**
         * Get one recording of a user's online meeting
         * @description A metered API (402 when the payment requirements are not met). Application access needs an application access policy for the user.
         */
        get: operations["user_onlineMeeting_getRecording"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/onlineMeetings/{meetingId}/recordings/{recordingId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        /**
         * Download the content of a recording of one of the signed-in user's online meetings
         * @description Streams the recording bytes (the examples serve `video/mp4`; the metadata says
         *     `application/octet-stream`). Only the organizer may download with delegated permission
         *     unless an administrator allows participants. Metered (402).
         */
        get: operations["me_onlineMeeting_getRecordingContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/onlineMeetings/{meetingId}/recordings/{recordingId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        /**
         * Download the content of a recording of a user's online meeting
         * @description Streams the recording bytes (the examples serve `video/mp4`; the metadata says
         *     `application/octet-stream`). Metered (402). Application access needs an application
         *     access policy for the user.
         */
        get: operations["user_onlineMeeting_getRecordingContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)": {
        parameters: {
            query?: {
                /** @description Value of the function parameter `startDateTime` (OData parameter alias), an unquoted date-time. Absent means no lower bound. */
                "@startDateTime"?: components["parameters"]["startDateTimeAlias"];
                /** @description Value of the function parameter `endDateTime` (OData parameter alias), an unquoted date-time. Absent means no upper bound. */
                "@endDateTime"?: components["parameters"]["endDateTimeAlias"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the user who organized the meetings (written between single quotes in the path, as an OData string literal). */
                meetingOrganizerUserId: components["parameters"]["meetingOrganizerUserId"];
            };
            cookie?: never;
        };
        /**
         * Get the recordings of every online meeting a user organized
         * @description The function `getAllRecordings` bound to the user's online meetings. The organizer is
         *     required in practice (the docs: the request fails without it), so it is a path
         *     parameter; the optional date range is passed through OData parameter aliases
         *     (`?@startDateTime=2024-01-15T00:00:00Z&@endDateTime=2024-01-31T00:00:00Z`); an alias
         *     that is not given is null, which means "no bound". Follow `@odata.nextLink` until it is
         *     absent (`$top` may suppress it). Channel meetings are not supported; recordings are not
         *     exported for meetings without transcription.
         */
        get: operations["user_onlineMeeting_getAllRecordings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/onlineMeetings/getAllRecordings(meetingOrganizerUserId='{meetingOrganizerUserId}',startDateTime=@startDateTime,endDateTime=@endDateTime)/delta": {
        parameters: {
            query?: {
                /** @description Value of the function parameter `startDateTime` (OData parameter alias), an unquoted date-time. Absent means no lower bound. */
                "@startDateTime"?: components["parameters"]["startDateTimeAlias"];
                /** @description Value of the function parameter `endDateTime` (OData parameter alias), an unquoted date-time. Absent means no upper bound. */
                "@endDateTime"?: components["parameters"]["endDateTimeAlias"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the user who organized the meetings (written between single quotes in the path, as an OData string literal). */
                meetingOrganizerUserId: components["parameters"]["meetingOrganizerUserId"];
            };
            cookie?: never;
        };
        /**
         * Track the recordings added for the online meetings a user organized
         * @description Delta query over `getAllRecordings`. The first call (no token) returns the current
         *     recordings; follow `@odata.nextLink` (skip token) page by page until a page carries
         *     `@odata.deltaLink` (delta token), which ends the round. Store the delta link and call
         *     it, unchanged, for the next round. Every query option other than the tokens must be
         *     sent on the first call only: the links encode them. An invalid or expired token gives
         *     the error codes `resyncRequired` or `syncStateNotFound`: start again without a token.
         *     Old recordings may reappear after unrelated meeting edits; tell them apart by
         *     `createdDateTime`.
         */
        get: operations["user_onlineMeeting_getAllRecordings_delta"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to change notifications
         * @description Before answering, Graph validates `notificationUrl` (and `lifecycleNotificationUrl`)
         *     with the handshake described by the webhook `changeNotificationValidation`. For
         *     recordings, subscribe with `changeType: created` to one of these resources:
         *     `communications/onlineMeetings/getAllRecordings` (whole tenant, application permission),
         *     `communications/onlineMeetings/{onlineMeetingId}/recordings`,
         *     `users/{userId}/onlineMeetings/getAllRecordings`, or (beta)
         *     `appCatalogs/teamsApps/{id}/installedToOnlineMeetings/getAllRecordings`. For these
         *     resources an `expirationDateTime` more than 1 hour ahead needs a
         *     `lifecycleNotificationUrl`. With `includeResourceData: true`, an `encryptionCertificate`
         *     and `encryptionCertificateId` are required. The permission needed is the one for reading
         *     the subscribed resource; the scopes below are those for recordings.
         */
        post: operations["subscription_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the subscription. */
                subscriptionId: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a subscription
         * @description Stops the notifications of this subscription.
         */
        delete: operations["subscription_delete"];
        options?: never;
        head?: never;
        /**
         * Renew a subscription (or move its notification URL)
         * @description Sets a new `expirationDateTime` (renewal) and optionally a new `notificationUrl`.
         */
        patch: operations["subscription_update"];
        trace?: never;
    };
}
export interface webhooks {
    commsNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Calling-bot callback that reports the state of recording operations
         * @description Graph POSTs to the call's `callbackUri` (https). This is how the result of `record`,
         *     `recordResponse` and `updateRecordingStatus` arrives: a finished operation is reported
         *     with `changeType: deleted` and the final operation (`completed` or `failed`) in
         *     `resourceData`. These callbacks are not created through `/subscriptions`: there is no
         *     validation handshake and no `clientState`.
         *
         *     The same URI also receives the call's other notifications (for example call state
         *     updates, whose `resourceData` is a `#microsoft.graph.call`); they are outside this
         *     description, which covers the operation notifications only.
         *
         *     Authenticate each request by its bearer token (`Authorization: Bearer <JWT>`; one old
         *     sample writes the header name `Authentication`): issuer `https://api.botframework.com`,
         *     audience the bot's application id, signature checked against the keys of
         *     `https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration`, not expired. The token
         *     also carries `tid`, `iat`, `nbf` and `exp`.
         *
         *     Deduplicate by operation id and `@odata.etag`: a notification can be delivered twice.
         */
        post: operations["commsNotifications_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    changeNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscription notification (for example, a new meeting recording)
         * @description Graph POSTs a `changeNotificationCollection` to the subscription's `notificationUrl`.
         *     Notifications of several subscriptions may share one request.
         *
         *     - Check `clientState` in every item against the value set on the subscription (constant
         *       time); treat a mismatch as not coming from Graph.
         *     - When resource data is included, `validationTokens` holds one JWT per application and
         *       tenant: verify each (signature from the common OpenID configuration, not expired,
         *       audience = the application id, `appid` = `0bf30f3b-4a52-48df-9a82-234910c4a086`,
         *       issuer `https://sts.windows.net/{tenantId}/`), then decrypt `encryptedContent`; the
         *       decrypted data of a recording notification is a `callRecording` whose `content` is null.
         *     - Answer with a 2xx within 3 seconds: `202 Accepted` when processing continues after
         *       the answer, `200 OK` when it is done. Answer `5XX` to ask for a retry. Without a 2xx
         *       in time Graph retries for up to 4 hours, then drops the notification. Answers slower
         *       than 2900 ms count as slow: after 100 notifications, 10% slow answers delay delivery
         *       by 10 minutes, and 15% make Graph drop notifications.
         */
        post: operations["changeNotifications_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    changeNotificationValidation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validation handshake for a subscription's notification URL
         * @description When a subscription is created (and for its `lifecycleNotificationUrl`), Graph POSTs to
         *     `{notificationUrl}?validationToken=<opaque>` with a `text/plain` body. Within 10 seconds
         *     the endpoint must answer `200 OK`, `Content-Type: text/plain`, with the URL-**decoded**
         *     token as the body; an encoded token fails the validation and no subscription is created.
         *     Treat the token as opaque text and escape it if it is ever rendered.
         */
        post: operations["changeNotificationValidation_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * Format: date-time
         * @description An Edm.DateTimeOffset as Graph writes it (RFC 3339, up to 12 fractional digits), for example `2023-12-02T06:59:34.7411768Z`.
         */
        dateTimeOffset: string;
        /**
         * Format: uuid
         * @description An Edm.Guid.
         */
        guid: string;
        /**
         * @description Progress of a `commsOperation`. Graph sends these lowercase values; the metadata spells
         *     the members in PascalCase (`NotStarted`, `Running`, `Completed`, `Failed`), which never
         *     appear on the wire.
         * @enum {string}
         */
        operationStatus: "notStarted" | "running" | "completed" | "failed";
        /**
         * @description Why a recording stopped (beta only). `none` is documented by the beta pages but absent
         *     from the beta metadata.
         * @enum {string}
         */
        recordCompletionReason: "operationCanceled" | "stopToneDetected" | "maxRecordDurationReached" | "initialSilenceTimeout" | "maxSilenceTimeout" | "playPromptFailed" | "playBeepFailed" | "mediaReceiveTimeout" | "unspecifiedError" | "none";
        /**
         * @description Recording state reported with `updateRecordingStatus`. The documentation names
         *     `notRecording`, `recording` and `failed`; the metadata also has `unknown` and the
         *     evolvable-enum sentinel `unknownFutureValue`.
         * @enum {string}
         */
        recordingStatus: "unknown" | "notRecording" | "recording" | "failed" | "unknownFutureValue";
        /**
         * @description Kind of change a notification reports.
         * @enum {string}
         */
        changeType: "created" | "updated" | "deleted";
        /**
         * @description Kind of subscription lifecycle event.
         * @enum {string}
         */
        lifecycleEventType: "missed" | "subscriptionRemoved" | "reauthorizationRequired";
        /**
         * @description Kind of Teams user.
         * @enum {string}
         */
        teamworkUserIdentityType: "aadUser" | "onPremiseAadUser" | "anonymousGuest" | "federatedUser" | "personalMicrosoftAccountUser" | "skypeUser" | "phoneUser" | "unknownFutureValue" | "emailUser";
        /**
         * @description Outcome of an operation. `code` is HTTP-like (2xx success, 4xx client error, 5xx server error); `subcode` refines it (for example 8515 with 200, "max record duration reached").
         * @example {
         *       "code": 0,
         *       "message": "String",
         *       "subcode": 0
         *     }
         */
        resultInfo: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.resultInfo";
            /**
             * Format: int32
             * @description Generic result code.
             */
            code: number;
            /**
             * Format: int32
             * @description Finer-grained reason.
             */
            subcode: number;
            /** @description Human-readable text. */
            message?: string | null;
        };
        /**
         * @description Properties that every `commsOperation` has (Graph's entity type `commsOperation`, base
         *     type `entity`). Not used on its own: a payload is always one of the derived types, see
         *     `commsOperation`.
         */
        commsOperationBase: {
            /** @description The concrete type, `#microsoft.graph.<typeName>`. */
            "@odata.type"?: string;
            /** @description Id of the operation. Read-only; generated by the server. Legacy callbacks omit it and carry `@odata.id` only. */
            readonly id?: string;
            /** @description Opaque client string (at most 256 characters) that the service echoes back in the operation and its notifications. */
            clientContext?: string | null;
            /** @description Outcome details; null while the operation runs. Read-only. */
            readonly resultInfo?: components["schemas"]["resultInfo"] | null;
            /**
             * @description Progress of the operation. Read-only. A response that already says `completed` or
             *     `failed` is final and no notification follows; otherwise updates arrive as
             *     `commsNotifications`.
             */
            readonly status: components["schemas"]["operationStatus"];
        };
        /**
         * @description An operation that a call action created (Graph's `commsOperation`). On the wire it is
         *     always one of its derived types, told apart by `@odata.type`, which is required here.
         *     The types in this description are `recordOperation` and
         *     `updateRecordingStatusOperation`.
         */
        commsOperation: components["schemas"]["recordOperation"] | components["schemas"]["updateRecordingStatusOperation"];
        /**
         * @description The operation created by `recordResponse` (and the superseded `record`). Today's
         *     payloads carry `recordingLocation` and `recordingAccessToken`; the old beta pages (and
         *     legacy callbacks) carry `recordResourceLocation`, `recordResourceAccessToken`,
         *     `createdDateTime` and `lastActionDateTime` instead, which are kept here as deprecated.
         *     To download the audio, GET `recordingLocation` (not a Graph URL) with
         *     `Authorization: Bearer <recordingAccessToken>`; it answers 200 with
         *     `application/octet-stream`, chunked. The audio is kept only briefly.
         */
        recordOperation: {
            /** @constant */
            "@odata.type": "#microsoft.graph.recordOperation";
            /** @description Where the captured audio can be fetched (a URL outside Graph). */
            recordingLocation?: string | null;
            /** @description Bearer token for fetching `recordingLocation`. A secret; do not log it. */
            recordingAccessToken?: string | null;
            /** @description Why the recording stopped (beta only; absent in v1.0). */
            completionReason?: components["schemas"]["recordCompletionReason"] | null;
            /**
             * @deprecated
             * @description Deprecated: the old beta name of `recordingLocation`.
             */
            recordResourceLocation?: string | null;
            /**
             * @deprecated
             * @description Deprecated: the old beta name of `recordingAccessToken`.
             */
            recordResourceAccessToken?: string | null;
            /**
             * @deprecated
             * @description Deprecated: when the recording was created (old beta page only; not in any metadata).
             */
            createdDateTime?: components["schemas"]["dateTimeOffset"] | null;
            /**
             * @deprecated
             * @description Deprecated: when the operation last acted (old beta page only; not in any metadata).
             */
            lastActionDateTime?: components["schemas"]["dateTimeOffset"] | null;
        } & (WithRequired<components["schemas"]["commsOperationBase"], "@odata.type"> & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            "@odata.type": "#microsoft.graph.recordOperation";
        });
        /** @description The operation created by `updateRecordingStatus`. It adds no properties to `commsOperation`. */
        updateRecordingStatusOperation: {
            /** @constant */
            "@odata.type": "#microsoft.graph.updateRecordingStatusOperation";
        } & (WithRequired<components["schemas"]["commsOperationBase"], "@odata.type"> & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            "@odata.type": "#microsoft.graph.updateRecordingStatusOperation";
        });
        /** @description A page of a call's operations. */
        commsOperationCollectionResponse: {
            /** @description Context URL of the payload. */
            "@odata.context"?: string;
            /** @description URL of the next page, with every original query option; absent on the last page. Call it unchanged. */
            "@odata.nextLink"?: string | null;
            /** @description The operations on this page (a page can be empty). */
            value: components["schemas"]["commsOperation"][];
        };
        /**
         * @description Audio to play.
         * @example {
         *       "resourceId": "String",
         *       "uri": "String"
         *     }
         */
        mediaInfo: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.mediaInfo";
            /** @description Location of the audio (WAV, mono, 16-bit, 16 kHz). */
            uri: string;
            /** @description Optional caller-chosen key under which the service caches the audio of `uri`. */
            resourceId?: string | null;
        };
        /**
         * @description A prompt that plays audio.
         * @example {
         *       "@odata.type": "#microsoft.graph.mediaPrompt",
         *       "mediaInfo": {
         *         "@odata.type": "#microsoft.graph.mediaInfo",
         *         "uri": "https://cdn.contoso.com/beep.wav",
         *         "resourceId": "1D6DE2D4-CD51-4309-8DAA-70768651088E"
         *       }
         *     }
         */
        mediaPrompt: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            "@odata.type": "#microsoft.graph.mediaPrompt";
            mediaInfo: components["schemas"]["mediaInfo"];
            /**
             * Format: int32
             * @description How many times to play the prompt (beta only).
             */
            loop?: number | null;
        };
        /**
         * @description A prompt to play (Graph's abstract `prompt`). The only concrete type is `mediaPrompt`;
         *     `@odata.type` says so and is required.
         */
        prompt: components["schemas"]["mediaPrompt"];
        /** @description Parameters of `recordResponse`. Every parameter is optional. */
        recordResponsePostRequestBody: {
            /** @description The prompt to play before recording (at most one). */
            prompts?: components["schemas"]["prompt"][];
            /**
             * @description When true, this request goes ahead of queued or running record and playPrompt requests.
             * @default false
             */
            bargeInAllowed?: boolean;
            /**
             * Format: int32
             * @description Maximum initial silence, counted from the end of the prompt, before the operation times out.
             * @default 5
             */
            initialSilenceTimeoutInSeconds?: number;
            /**
             * Format: int32
             * @description Maximum pause once the caller has begun speaking.
             * @default 5
             */
            maxSilenceTimeoutInSeconds?: number;
            /**
             * Format: int32
             * @description Maximum length of the recording.
             * @default 5
             */
            maxRecordDurationInSeconds?: number;
            /**
             * @description Play a beep after the prompt.
             * @default true
             */
            playBeep?: boolean;
            /** @description DTMF tones that end the recording. */
            stopTones?: string[];
            /** @description Opaque string (at most 256 characters) echoed in the operation; use a unique value per request to correlate and deduplicate. */
            clientContext?: string;
            /** @description Beta only (beta metadata; not in the docs table). When true, a resource location is given as soon as recording starts. */
            streamWhileRecording?: boolean;
        };
        /**
         * @description Parameters of the superseded beta action `record` (the seeds' pages). No limits were
         *     documented for the timeouts of this action beyond the int32 range.
         */
        recordPostRequestBody: {
            /** @description Prompts to play before recording starts. */
            prompts?: components["schemas"]["prompt"][];
            /** @description Allow the caller to answer before the prompt finishes. */
            bargeInAllowed?: boolean;
            /**
             * Format: int32
             * @description Maximum initial silence before the operation times out; the timer starts after the prompt.
             */
            initialSilenceTimeoutInSeconds?: number;
            /**
             * Format: int32
             * @description Maximum silence once the caller has begun speaking.
             */
            maxSilenceTimeoutInSeconds?: number;
            /**
             * Format: int32
             * @description Maximum length of the recording.
             */
            maxRecordDurationInSeconds?: number;
            /** @description Play a beep after the prompt. */
            playBeep?: boolean;
            /** @description When true, a resource location is given as soon as recording starts. */
            streamWhileRecording?: boolean;
            /** @description DTMF tones that end the recording. */
            stopTones?: string[];
            /** @description Opaque string (at most 256 characters) echoed in the operation. */
            clientContext?: string;
        };
        /** @description Parameters of `updateRecordingStatus`. */
        updateRecordingStatusPostRequestBody: {
            status: components["schemas"]["recordingStatus"];
            /** @description Opaque string (at most 256 characters) echoed in the operation. */
            clientContext?: string;
        };
        /** @description An identity (user, application or device). Open type. */
        identity: {
            /** @description The concrete type, when it is a derived type. */
            "@odata.type"?: string;
            /** @description Display name; may be null. */
            displayName?: string | null;
            /** @description Unique identifier. */
            id?: string | null;
        };
        /** @description A Teams user identity (derived from `identity`). */
        teamworkUserIdentity: {
            /**
             * @description `#microsoft.graph.teamworkUserIdentity` (the getAllRecordings and delta examples);
             *     the get and list examples, v1.0 and beta alike, write
             *     `#Microsoft.Teams.GraphSvc.teamworkUserIdentity`, the service's internal name.
             * @enum {string}
             */
            "@odata.type"?: "#microsoft.graph.teamworkUserIdentity" | "#Microsoft.Teams.GraphSvc.teamworkUserIdentity";
            /** @description Kind of Teams user. */
            userIdentityType?: components["schemas"]["teamworkUserIdentityType"] | null;
            /** @description Tenant of the user (an open property the examples carry). */
            tenantId?: string | null;
        } & components["schemas"]["identity"];
        /** @description The identities of an actor. Open type. */
        identitySet: {
            /** @description The concrete type, when it is a derived type. */
            "@odata.type"?: string;
            /** @description The application, if any. */
            application?: components["schemas"]["identity"] | null;
            /** @description The device, if any. */
            device?: components["schemas"]["identity"] | null;
            /** @description The user, if any; for meeting organizers a `teamworkUserIdentity`, whose extra properties are all optional. */
            user?: components["schemas"]["teamworkUserIdentity"] | components["schemas"]["identity"] | null;
        };
        /** @description A recording of a Teams online meeting. Every property is read-only. */
        callRecording: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.callRecording";
            /** @description Id of the recording (opaque; base64 in the examples). */
            readonly id: string;
            /** @description Id of the call the recording came from. */
            readonly callId?: string | null;
            /** @description The recording bytes when inlined, base64url-encoded (normally null or absent; read them from the `/content` path). */
            readonly content?: string | null;
            /** @description Links the recording with the matching transcript. */
            readonly contentCorrelationId?: string | null;
            /** @description When the recording was created (UTC). */
            readonly createdDateTime?: components["schemas"]["dateTimeOffset"] | null;
            /** @description When the recording ended (UTC). */
            readonly endDateTime?: components["schemas"]["dateTimeOffset"] | null;
            /** @description Id of the online meeting. */
            readonly meetingId?: string | null;
            /** @description The organizer of the online meeting. */
            readonly meetingOrganizer?: components["schemas"]["identitySet"] | null;
            /**
             * @deprecated
             * @description Deprecated (beta only): id of the organizer. Present in the beta pages and an older
             *     beta OpenAPI, absent from v1.0 and from the current beta metadata; read
             *     `meetingOrganizer.user.id` instead.
             */
            readonly meetingOrganizerId?: string | null;
            /** @description URL of the content stream. Its form varies (absolute URL, `$metadata#...` string, or a relative path in notifications); do not parse it. */
            readonly recordingContentUrl?: string | null;
        };
        /** @description A page of recordings. */
        callRecordingCollectionResponse: {
            /** @description Context URL of the payload. */
            "@odata.context"?: string;
            /**
             * Format: int64
             * @description Number of items, when counted.
             */
            "@odata.count"?: number;
            /** @description URL of the next page, with every original query option; absent on the last page. Call it unchanged. */
            "@odata.nextLink"?: string | null;
            /** @description Informational hint that beta may add to a response. */
            "@microsoft.graph.tips"?: string;
            /** @description The recordings on this page (a page can be empty). */
            value: components["schemas"]["callRecording"][];
        };
        /** @description A page of a delta round over recordings. Exactly one of `@odata.nextLink` (more pages) and `@odata.deltaLink` (round complete) is present. */
        callRecordingDeltaCollectionResponse: {
            /** @description Context URL of the payload. */
            "@odata.context"?: string;
            /**
             * Format: int64
             * @description Number of items, when counted.
             */
            "@odata.count"?: number;
            /** @description URL of the next page of this round (skip token). */
            "@odata.nextLink"?: string | null;
            /** @description URL that starts the next round (delta token). Store it after the round is processed. */
            "@odata.deltaLink"?: string | null;
            /** @description The recordings added on this page. */
            value: components["schemas"]["callRecording"][];
        };
        /**
         * @description One change on a call resource. Today's payloads name the resource with `resourceUrl`;
         *     the legacy (old beta `/app`) callbacks use `resource`, kept here as deprecated. One of
         *     the two is present; the schema does not enforce it (see DECISIONS.md), so read
         *     `resourceUrl ?? resource`.
         */
        commsNotification: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.commsNotification";
            /** @description A finished operation is reported as `deleted`, carrying its final state. */
            changeType: components["schemas"]["changeType"];
            /** @description Path of the changed resource relative to the service root, for example `/communications/calls/{callId}/operations/{operationId}`. */
            resourceUrl?: string;
            /**
             * @deprecated
             * @description Deprecated: the legacy name of `resourceUrl`, with an `/app/calls/...` path.
             */
            resource?: string;
            /**
             * @description The changed operation, in full (with `@odata.type`, `@odata.id` and `@odata.etag`);
             *     the docs say it may also be a collection of them when several changes are packed into
             *     one notification.
             */
            resourceData?: components["schemas"]["commsOperation"] | components["schemas"]["commsOperation"][];
        };
        /** @description A batch of call notifications, as POSTed to the call's callback URI. */
        commsNotifications: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.commsNotifications";
            /** @description The notifications. */
            value?: components["schemas"]["commsNotification"][];
        };
        /**
         * @description Identifies the changed resource of a subscription notification (open type; the full
         *     resource travels only encrypted, in `encryptedContent`). The examples carry `id` and the
         *     annotations `@odata.type` (sometimes capitalised, `#Microsoft.Graph.callRecording`),
         *     `@odata.id` and `@odata.etag`.
         * @example {
         *       "id": "1565293727947",
         *       "@odata.type": "#Microsoft.Graph.ChatMessage",
         *       "@odata.id": "teams('88cbc8fc-164b-44f0-b6a6-b59b4a1559d3')/channels('19:8d9da062ec7647d4bb1976126e788b47@thread.tacv2')/messages('1565293727947')/replies('1565293727947')"
         *     }
         */
        resourceData: {
            /** @description Type of the resource, for example `#Microsoft.Graph.callRecording`. */
            "@odata.type"?: string;
            /** @description Path of the resource. */
            "@odata.id"?: string;
            /** @description Version of the resource. */
            "@odata.etag"?: string;
            /** @description Id of the resource. */
            id?: string;
        };
        /** @description The encrypted resource of a notification with resource data. */
        changeNotificationEncryptedContent: {
            /** @description Base64 AES-CBC encrypted resource (IV = the first 16 bytes of the symmetric key). */
            data: string;
            /** @description Base64 symmetric key, encrypted with the certificate's public key (RSA OAEP). A secret. */
            dataKey: string;
            /** @description Base64 HMAC-SHA256 of `data` under the symmetric key; check it before decrypting. */
            dataSignature: string;
            /** @description The `encryptionCertificateId` of the subscription. */
            encryptionCertificateId: string;
            /** @description Thumbprint of the certificate used. */
            encryptionCertificateThumbprint: string;
        };
        /** @description One change of a subscribed resource. */
        changeNotification: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.changeNotification";
            changeType: components["schemas"]["changeType"];
            /** @description The subscription's `clientState`, echoed; compare it with the value you set. */
            clientState?: string | null;
            /** @description The resource, encrypted (only when the subscription includes resource data). */
            encryptedContent?: components["schemas"]["changeNotificationEncryptedContent"] | null;
            /** @description Id of the notification. */
            id?: string | null;
            /** @description Set on lifecycle notifications. */
            lifecycleEvent?: components["schemas"]["lifecycleEventType"] | null;
            /** @description Path of the resource relative to `https://graph.microsoft.com` (for recordings, OData key syntax `communications/onlineMeetings('...')/recordings('...')`). */
            resource: string;
            /** @description Identifies the changed resource. */
            resourceData?: components["schemas"]["resourceData"] | null;
            subscriptionExpirationDateTime: components["schemas"]["dateTimeOffset"];
            subscriptionId: components["schemas"]["guid"];
            tenantId: components["schemas"]["guid"];
        };
        /** @description A batch of subscription notifications, as POSTed to the notification URL. */
        changeNotificationCollection: {
            /** @constant */
            "@odata.type"?: "#microsoft.graph.changeNotificationCollection";
            /** @description The notifications (possibly of several subscriptions). */
            value: components["schemas"]["changeNotification"][];
            /** @description JWTs, one per application and tenant; present only when resource data is included. Verify every one. */
            validationTokens?: string[] | null;
        };
        /** @description A change-notification subscription. */
        subscription: {
            /** @description Id of the subscription. */
            readonly id?: string;
            /** @description Comma-separated change types (`created`, `updated`, `deleted`); recordings support `created`. */
            changeType: string;
            /** @description HTTPS endpoint that receives the notifications. */
            notificationUrl: string;
            /** @description The resource to watch, relative to the service root. */
            resource: string;
            expirationDateTime: components["schemas"]["dateTimeOffset"];
            /** @description Secret echoed in every notification (at most 255 characters). */
            clientState?: string | null;
            /** @description HTTPS endpoint for lifecycle notifications; needed for recordings when the expiration is more than 1 hour ahead. */
            lifecycleNotificationUrl?: string | null;
            /** @description Include the encrypted resource in notifications. */
            includeResourceData?: boolean | null;
            /** @description Base64 public certificate used to encrypt resource data. */
            encryptionCertificate?: string | null;
            /** @description Your id for that certificate, echoed in notifications. */
            encryptionCertificateId?: string | null;
            /** @description Latest TLS version the notification endpoint supports. */
            latestSupportedTlsVersion?: string | null;
            /** @description OData query options that filter the notifications. */
            notificationQueryOptions?: string | null;
            /** @description App id that the notification endpoint's token must have. */
            notificationUrlAppId?: string | null;
            /** @description Id of the application that created the subscription. */
            readonly applicationId?: string | null;
            /** @description Id of the user or application that created the subscription. */
            readonly creatorId?: string | null;
        };
        /** @description Changes to a subscription (renewal). */
        subscriptionPatchRequestBody: {
            expirationDateTime: components["schemas"]["dateTimeOffset"];
            /** @description New notification endpoint. */
            notificationUrl?: string;
        };
        /** @description The body of every Graph error response. */
        ODataError: {
            error: components["schemas"]["MainError"];
        };
        /** @description The error. */
        MainError: {
            /** @description Error code to branch on (for example `itemNotFound`, `TooManyRequests`, `resyncRequired`). */
            code: string;
            /** @description Developer-facing message; may change, not localized. */
            message: string;
            /** @description Target of the error. */
            target?: string | null;
            /** @description Further errors. */
            details?: components["schemas"]["ErrorDetails"][];
            innerError?: components["schemas"]["InnerError"];
        };
        /** @description A further error. */
        ErrorDetails: {
            /** @description Error code. */
            code: string;
            /** @description Message. */
            message: string;
            /** @description Target of the error. */
            target?: string | null;
        };
        /** @description Service-specific details. The members below are those Graph is seen to send. */
        InnerError: {
            /** @description Id of the request; quote it when asking for support. */
            "request-id"?: string;
            /** @description The `client-request-id` the client sent. */
            "client-request-id"?: string;
            /** @description When the error occurred (not always RFC 3339). */
            date?: string;
            /** @description Inner code (for throttling, the status code as a string). */
            code?: string;
            /** @description Inner message. */
            message?: string;
            /** @description HTTP status, as a string. */
            status?: string;
        };
    };
    responses: {
        /** @description The record operation was created; there is no body. */
        legacyRecordAccepted: {
            headers: {
                Location: components["headers"]["OperationLocation"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The recording's metadata. */
        callRecording: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["callRecording"];
            };
        };
        /** @description One page of a meeting's recordings; follow `@odata.nextLink` while it is present. */
        callRecordingCollection: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["callRecordingCollectionResponse"];
            };
        };
        /** @description The recording bytes. Read them as a stream; recordings can be large. */
        recordingContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "video/mp4": string;
                "application/octet-stream": string;
            };
        };
        /** @description A Graph error. Branch on `error.code`; `error.message` is for developers and may change. */
        error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
        /** @description The call does not exist or has ended (Graph answers 404 for requests against an ended call). */
        callNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
        /** @description This is a metered API and the payment requirements are not met. */
        paymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
        /** @description The delta or skip token is no longer valid (`resyncRequired`, `syncStateNotFound`); start a new round without a token. */
        deltaTokenExpired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
        /** @description Throttled. Wait for `Retry-After` seconds (fractional), then retry; without it, back off exponentially. */
        tooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
        /** @description The service is temporarily unavailable (transient); it may send `Retry-After`. */
        serviceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ODataError"];
            };
        };
    };
    parameters: {
        /** @description Id of the call. */
        callId: string;
        /** @description Id of the online meeting. */
        meetingId: string;
        /** @description Id of the recording. */
        recordingId: string;
        /** @description Id or user principal name of the user. */
        userId: string;
        /** @description Id of the user who organized the meetings (written between single quotes in the path, as an OData string literal). */
        meetingOrganizerUserId: string;
        /** @description Value of the function parameter `startDateTime` (OData parameter alias), an unquoted date-time. Absent means no lower bound. */
        startDateTimeAlias: components["schemas"]["dateTimeOffset"];
        /** @description Value of the function parameter `endDateTime` (OData parameter alias), an unquoted date-time. Absent means no upper bound. */
        endDateTimeAlias: components["schemas"]["dateTimeOffset"];
        /** @description Page size. Known issue, documented for getAllRecordings and delta; `$top` may suppress `@odata.nextLink`. */
        top: number;
        /** @description OData filter (beta; for example `contentCorrelationId eq '...'`). The v1.0 page supports no query options. */
        filter: string;
        /** @description Comma-separated properties to return (beta). */
        select: string[];
    };
    requestBodies: {
        /** @description Parameters of the legacy record action. */
        legacyRecord: {
            content: {
                "application/json": components["schemas"]["recordPostRequestBody"];
            };
        };
    };
    headers: {
        /** @description URL of the operation (`commsOperation`) the action created, for example `.../communications/calls/{callId}/operations/{operationId}` (the legacy 202 of the old `record` page points to the `commsOperation` in the same way). */
        OperationLocation: string;
        /** @description Seconds to wait before retrying; may be fractional (for example `2.128`). */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    call_recordResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["recordResponsePostRequestBody"];
            };
        };
        responses: {
            /** @description The recording operation was accepted; the body is its current state. */
            200: {
                headers: {
                    Location: components["headers"]["OperationLocation"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["recordOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    call_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["recordPostRequestBody"];
            };
        };
        responses: {
            /** @description The recording operation was started; the body is its current state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["recordOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    appCall_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["legacyRecord"];
        responses: {
            202: components["responses"]["legacyRecordAccepted"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    applicationCall_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the application (the old page writes `{id}` for both ids). */
                applicationId: string;
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["legacyRecord"];
        responses: {
            202: components["responses"]["legacyRecordAccepted"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    appCall_recordResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["recordResponsePostRequestBody"];
            };
        };
        responses: {
            /** @description The recording operation was accepted; the body is its current state. */
            200: {
                headers: {
                    Location: components["headers"]["OperationLocation"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["recordOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    appCall_updateRecordingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["updateRecordingStatusPostRequestBody"];
            };
        };
        responses: {
            /** @description The status update was accepted; the body is the operation's state. */
            200: {
                headers: {
                    Location: components["headers"]["OperationLocation"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["updateRecordingStatusOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    call_updateRecordingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["updateRecordingStatusPostRequestBody"];
            };
        };
        responses: {
            /** @description The status update was accepted; the body is the operation's state. */
            200: {
                headers: {
                    Location: components["headers"]["OperationLocation"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["updateRecordingStatusOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    call_listOperations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the call's operations; follow `@odata.nextLink` while it is present. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["commsOperationCollectionResponse"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    call_getOperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the call. */
                callId: components["parameters"]["callId"];
                /** @description Id of the operation, as returned in the action's body (`id`) or `Location` header. */
                operationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["commsOperation"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["callNotFound"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    me_onlineMeeting_listRecordings: {
        parameters: {
            query?: {
                /** @description OData filter (beta; for example `contentCorrelationId eq '...'`). The v1.0 page supports no query options. */
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["callRecordingCollection"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    user_onlineMeeting_listRecordings: {
        parameters: {
            query?: {
                /** @description OData filter (beta; for example `contentCorrelationId eq '...'`). The v1.0 page supports no query options. */
                $filter?: components["parameters"]["filter"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["callRecordingCollection"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    me_onlineMeeting_getRecording: {
        parameters: {
            query?: {
                /** @description Comma-separated properties to return (beta). */
                $select?: components["parameters"]["select"];
            };
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["callRecording"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            402: components["responses"]["paymentRequired"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    user_onlineMeeting_getRecording: {
        parameters: {
            query?: {
                /** @description Comma-separated properties to return (beta). */
                $select?: components["parameters"]["select"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["callRecording"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            402: components["responses"]["paymentRequired"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    me_onlineMeeting_getRecordingContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["recordingContent"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            402: components["responses"]["paymentRequired"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    user_onlineMeeting_getRecordingContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the online meeting. */
                meetingId: components["parameters"]["meetingId"];
                /** @description Id of the recording. */
                recordingId: components["parameters"]["recordingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["recordingContent"];
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            402: components["responses"]["paymentRequired"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    user_onlineMeeting_getAllRecordings: {
        parameters: {
            query?: {
                /** @description Value of the function parameter `startDateTime` (OData parameter alias), an unquoted date-time. Absent means no lower bound. */
                "@startDateTime"?: components["parameters"]["startDateTimeAlias"];
                /** @description Value of the function parameter `endDateTime` (OData parameter alias), an unquoted date-time. Absent means no upper bound. */
                "@endDateTime"?: components["parameters"]["endDateTimeAlias"];
                /** @description Page size. Known issue, documented for getAllRecordings and delta; `$top` may suppress `@odata.nextLink`. */
                $top?: components["parameters"]["top"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the user who organized the meetings (written between single quotes in the path, as an OData string literal). */
                meetingOrganizerUserId: components["parameters"]["meetingOrganizerUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the organizer's recordings; follow `@odata.nextLink` while it is present. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["callRecordingCollectionResponse"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    user_onlineMeeting_getAllRecordings_delta: {
        parameters: {
            query?: {
                /** @description Value of the function parameter `startDateTime` (OData parameter alias), an unquoted date-time. Absent means no lower bound. */
                "@startDateTime"?: components["parameters"]["startDateTimeAlias"];
                /** @description Value of the function parameter `endDateTime` (OData parameter alias), an unquoted date-time. Absent means no upper bound. */
                "@endDateTime"?: components["parameters"]["endDateTimeAlias"];
                /** @description Opaque state token from a previous round's `@odata.deltaLink`. Normally you call the link itself. */
                $deltatoken?: string;
                /** @description Opaque paging token from a previous page's `@odata.nextLink`. Normally you call the link itself. */
                $skiptoken?: string;
                /** @description Page size. Known issue, documented for getAllRecordings and delta; `$top` may suppress `@odata.nextLink`. */
                $top?: components["parameters"]["top"];
            };
            header?: never;
            path: {
                /** @description Id or user principal name of the user. */
                userId: components["parameters"]["userId"];
                /** @description Id of the user who organized the meetings (written between single quotes in the path, as an OData string literal). */
                meetingOrganizerUserId: components["parameters"]["meetingOrganizerUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the delta round. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["callRecordingDeltaCollectionResponse"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            410: components["responses"]["deltaTokenExpired"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    subscription_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["subscription"];
            };
        };
        responses: {
            /** @description The subscription was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["subscription"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            409: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    subscription_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the subscription. */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    subscription_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Id of the subscription. */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["subscriptionPatchRequestBody"];
            };
        };
        responses: {
            /** @description The updated subscription. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["subscription"];
                };
            };
            400: components["responses"]["error"];
            401: components["responses"]["error"];
            403: components["responses"]["error"];
            404: components["responses"]["error"];
            429: components["responses"]["tooManyRequests"];
            503: components["responses"]["serviceUnavailable"];
            "4XX": components["responses"]["error"];
            "5XX": components["responses"]["error"];
        };
    };
    commsNotifications_receive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["commsNotifications"];
            };
        };
        responses: {
            /** @description The notification was received (any 2xx acknowledges it). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Sent in answer to a notification in the legacy (Skype) format: the service then
             *     sends it again in the Graph format.
             */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Redirects the callback to another deployment (region affinity). */
            302: {
                headers: {
                    /** @description Where Graph should deliver this and later callbacks for the call. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The bearer token is missing or not valid; the notification was not accepted. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changeNotifications_receive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["changeNotificationCollection"];
            };
        };
        responses: {
            /** @description The notifications were processed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The notifications were accepted; processing continues. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description The request is not a notification this endpoint accepts (for example, a `clientState`
             *     mismatch: it did not come from Graph). Like any answer that is not 2xx, Graph counts it
             *     as a failed delivery of a genuine notification and retries for up to 4 hours.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The endpoint could not take the notifications now; Graph retries. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    changeNotificationValidation_receive: {
        parameters: {
            query: {
                /** @description The opaque token to echo back, URL-decoded. */
                validationToken: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "text/plain": string;
            };
        };
        responses: {
            /** @description The decoded validation token, as plain text. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The endpoint refuses the validation; the subscription is not created. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
