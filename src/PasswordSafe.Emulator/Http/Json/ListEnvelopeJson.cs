using System.Collections.Generic;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>The paged list shape of api-v3 §0, used when the caller sends <c>limit</c> (e.g. GET ManagedSystems).</summary>
internal sealed record ListEnvelopeJson<T>(int TotalCount, IReadOnlyList<T> Data);
