namespace ContactsSpec.Regeneration;

/// <summary>
/// Compares two public surfaces. Types are matched by full name; members by declaring type, kind and name, so
/// that a method whose parameters changed is reported as changed rather than as one removal and one addition
/// (overloads of one name are paired in declaration order). Members of an added or removed type are not listed
/// one by one: the type's own entry says it.
/// </summary>
internal static class SurfaceDiff
{
    public static IReadOnlyList<SurfaceChange> Compare(PublicSurface before, PublicSurface after)
    {
        var changes = new List<SurfaceChange>();
        var oldTypes = before.Types.GroupBy(type => type.TypeName).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        var newTypes = after.Types.GroupBy(type => type.TypeName).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

        foreach (var (name, type) in oldTypes.Where(pair => !newTypes.ContainsKey(pair.Key)))
        {
            changes.Add(new SurfaceChange(SurfaceChangeKind.Removed, SurfaceMemberKind.Type, name, type.Signature, null));
        }

        foreach (var (name, type) in newTypes.Where(pair => !oldTypes.ContainsKey(pair.Key)))
        {
            changes.Add(new SurfaceChange(SurfaceChangeKind.Added, SurfaceMemberKind.Type, name, null, type.Signature));
        }

        foreach (var (name, type) in oldTypes.Where(pair => newTypes.TryGetValue(pair.Key, out var now) && now.Signature != pair.Value.Signature))
        {
            changes.Add(new SurfaceChange(SurfaceChangeKind.Changed, SurfaceMemberKind.Type, name, type.Signature, newTypes[name].Signature));
        }

        var shared = oldTypes.Keys.Where(newTypes.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var oldMembers = Group(before.Members.Where(member => shared.Contains(member.TypeName)));
        var newMembers = Group(after.Members.Where(member => shared.Contains(member.TypeName)));
        foreach (var key in oldMembers.Keys.Union(newMembers.Keys))
        {
            var was = oldMembers.GetValueOrDefault(key) ?? [];
            var now = newMembers.GetValueOrDefault(key) ?? [];
            var removed = Except(was, now);
            var added = Except(now, was);
            var paired = Math.Min(removed.Count, added.Count);
            var display = (was.Count > 0 ? was[0] : now[0]).DisplayName;
            for (var index = 0; index < paired; index++)
            {
                changes.Add(new SurfaceChange(SurfaceChangeKind.Changed, key.Kind, display, removed[index].Signature, added[index].Signature));
            }

            changes.AddRange(removed.Skip(paired).Select(member => new SurfaceChange(SurfaceChangeKind.Removed, key.Kind, display, member.Signature, null)));
            changes.AddRange(added.Skip(paired).Select(member => new SurfaceChange(SurfaceChangeKind.Added, key.Kind, display, null, member.Signature)));
        }

        return [.. changes
            .OrderByDescending(change => change.Breaking)
            .ThenBy(change => change.Member, StringComparer.Ordinal)
            .ThenBy(change => change.Change)];
    }

    private static Dictionary<(string TypeName, SurfaceMemberKind Kind, string Name), List<SurfaceMember>> Group(IEnumerable<SurfaceMember> members) =>
        members.GroupBy(member => (member.TypeName, member.Kind, member.Name)).ToDictionary(group => group.Key, group => group.ToList());

    // Multiset difference by signature, keeping declaration order.
    private static List<SurfaceMember> Except(List<SurfaceMember> from, List<SurfaceMember> remove)
    {
        var left = remove.GroupBy(member => member.Signature).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var result = new List<SurfaceMember>();
        foreach (var member in from)
        {
            if (left.TryGetValue(member.Signature, out var count) && count > 0)
            {
                left[member.Signature] = count - 1;
            }
            else
            {
                result.Add(member);
            }
        }

        return result;
    }
}
