using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>A request set as api-v3 §3.4 shows it: its id and its requests, each as GET Requests lists it.</summary>
internal sealed record RequestSetJson(int RequestSetID, IReadOnlyList<RequestJson> Requests)
{
    internal static RequestSetJson From(RequestSet set) => new(set.RequestSetId, set.Requests.Select(RequestJson.From).ToList());
}
