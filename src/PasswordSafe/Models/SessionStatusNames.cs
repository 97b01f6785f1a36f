using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PasswordSafe;

/// <summary>GET Sessions' status numbers (api-v3 §5.1) and the names the cmdlets show and take.</summary>
internal static class SessionStatusNames
{
    private static readonly KeyValuePair<int, string>[] Known =
    {
        new(0, "NotStarted"), new(1, "InProgress"), new(2, "Completed"), new(5, "Locked"),
        new(7, "Terminated"), new(8, "LoggedOff"), new(9, "Disconnected"),
    };

    /// <summary>The names, in the server's order: the values -Status accepts.</summary>
    public static IEnumerable<string> Names => Known.Select(k => k.Value);

    public static string NameOf(int code) =>
        Known.FirstOrDefault(k => k.Key == code).Value ?? code.ToString(CultureInfo.InvariantCulture);

    public static int CodeOf(string name) =>
        Known.First(k => k.Value.Equals(name, StringComparison.OrdinalIgnoreCase)).Key;
}
