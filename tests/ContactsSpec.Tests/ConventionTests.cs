using System.Reflection;

namespace ContactsSpec.Tests;

/// <summary>API conventions checked over the whole public surface, so a new member cannot quietly break them.</summary>
[TestFixture]
public sealed class ConventionTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Facade = typeof(ContactsClient).Assembly;

    private static IEnumerable<Type> PublicTypes => Facade.GetExportedTypes();

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>)));

    [Test]
    public void The_public_surface_is_found()
    {
        Assert.That(PublicTypes, Has.Member(typeof(ContactsClient)).And.Member(typeof(ContactsException)).And.Member(typeof(IContactsClientFactory)));
    }

    [Test]
    public void Every_public_async_method_takes_an_optional_cancellation_token_last()
    {
        var asyncMethods = PublicTypes.SelectMany(type => type.GetMethods(Declared)).Where(method => IsAsync(method.ReturnType)).ToList();
        var offenders = asyncMethods
            .Where(method => method.GetParameters() is not [.., { } last] || last.ParameterType != typeof(CancellationToken) || !last.HasDefaultValue)
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(asyncMethods, Has.Count.GreaterThanOrEqualTo(9), "the convention is checked over the real async surface");
            Assert.That(offenders, Is.Empty);
        });
    }

    [Test]
    public void Every_public_method_of_contacts_client_can_be_overridden_for_mocking()
    {
        // Dispose() follows the dispose pattern (CA1063): it is sealed and defers to the virtual Dispose(bool).
        var offenders = typeof(ContactsClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(method => !(method.IsVirtual && !method.IsFinal))
            .Where(method => !(method.Name == nameof(IDisposable.Dispose) && method.GetParameters().Length == 0))
            .Select(method => method.Name)
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Contacts_client_has_a_protected_parameterless_constructor_for_mocking()
    {
        var constructor = typeof(ContactsClient).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

        Assert.That(constructor, Is.Not.Null);
        Assert.That(constructor!.IsFamily, Is.True, "protected");
    }

    [Test]
    public async Task A_mock_built_on_the_protected_constructor_works()
    {
        using var mock = new FakeContactsClient();

        var contact = await mock.GetAsync("42");

        Assert.Multiple(() =>
        {
            Assert.That(contact.Id, Is.EqualTo("42"));
            Assert.That(mock.ToString(), Is.EqualTo(nameof(ContactsClient)));
        });
    }

    [Test]
    public void What_the_client_returns_is_read_only()
    {
        var returned = new HashSet<Type>();
        foreach (var method in typeof(ContactsClient).GetMethods(Declared))
        {
            Collect(method.ReturnType, returned);
        }

        returned.Add(typeof(ContactsException));
        var offenders = returned.SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(property => property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter) || IsMutableCollection(property.PropertyType))
            .Select(property => $"{property.DeclaringType!.Name}.{property.Name}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(returned, Has.Member(typeof(Contact)).And.Member(typeof(ContactBatchItemResult)).And.Member(typeof(ContactsCapabilities)), "the walk finds the results");
            Assert.That(offenders, Is.Empty, "a result a caller can change after the facade returned it");
        });
    }

    // The facade's own types reachable from a return type: through Task<T>, IAsyncEnumerable<T>, collections and properties.
    private static void Collect(Type type, HashSet<Type> found)
    {
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Collect(argument, found);
            }

            return;
        }

        if (type.Assembly != Facade || type.IsEnum || !found.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Collect(property.PropertyType, found);
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(modifier => modifier.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsMutableCollection(Type type) =>
        type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>) || definition == typeof(ICollection<>) || definition == typeof(IList<>)));

    [Test]
    public void No_public_member_exposes_a_generated_client_type()
    {
        var offenders = new List<string>();
        foreach (var type in PublicTypes)
        {
            Check(type.BaseType, $"{type.Name} base type");
            foreach (var contract in type.GetInterfaces())
            {
                Check(contract, $"{type.Name} interface");
            }

            foreach (var member in type.GetMembers(Declared | BindingFlags.NonPublic))
            {
                var visible = member switch
                {
                    MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
                    FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
                    PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
                    EventInfo @event => @event.AddMethod is { } add && (add.IsPublic || add.IsFamily),
                    Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
                    _ => false,
                };
                if (!visible)
                {
                    continue;
                }

                var where = $"{type.Name}.{member.Name}";
                switch (member)
                {
                    case MethodInfo method:
                        Check(method.ReturnType, where);
                        foreach (var parameter in method.GetParameters())
                        {
                            Check(parameter.ParameterType, where);
                        }

                        break;
                    case ConstructorInfo constructor:
                        foreach (var parameter in constructor.GetParameters())
                        {
                            Check(parameter.ParameterType, where);
                        }

                        break;
                    case PropertyInfo property:
                        Check(property.PropertyType, where);
                        break;
                    case FieldInfo field:
                        Check(field.FieldType, where);
                        break;
                    case EventInfo @event:
                        Check(@event.EventHandlerType, where);
                        break;
                }
            }
        }

        Assert.That(offenders, Is.Empty);

        void Check(Type? type, string where)
        {
            if (type is null)
            {
                return;
            }

            if (type.HasElementType)
            {
                Check(type.GetElementType(), where);
                return;
            }

            if (type.Namespace?.StartsWith("ContactsSpec.Clients", StringComparison.Ordinal) == true)
            {
                offenders.Add($"{where}: {type.FullName}");
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Check(argument, where);
            }
        }
    }

    [Test]
    public void Public_types_live_in_the_contacts_spec_namespace()
    {
        Assert.That(PublicTypes.Select(type => type.Namespace), Is.All.EqualTo("ContactsSpec"), "adapters and helpers stay internal");
    }

    [Test]
    public void The_exception_is_the_only_public_exception_type_and_is_not_sealed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PublicTypes.Where(type => typeof(Exception).IsAssignableFrom(type)), Is.EqualTo(new[] { typeof(ContactsException) }));
            Assert.That(typeof(ContactsException).IsSealed, Is.False, "mockable");
        });
    }

    private sealed class FakeContactsClient : ContactsClient
    {
        public override Task<Contact> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(new Contact { Id = id });
    }
}
