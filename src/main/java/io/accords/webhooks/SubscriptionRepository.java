package io.accords.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Subscriptions and their delivery logs; the leases that say which replica delivers which. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    List<Subscription> ownedBy(String owner, boolean all, int pageIndex, int size) {
        Sort order = Sort.descending("createdAt").and("id");
        return (all ? findAll(order) : find("owner", order, owner))
                .page(pageIndex, size)
                .list();
    }

    long countOwnedBy(String owner, boolean all) {
        return all ? count() : count("owner", owner);
    }

    /** Active subscriptions due an attempt whose lease is free, or this replica's. */
    List<UUID> due(Instant now, String replica, int max) {
        return getEntityManager()
                .createQuery(
                        "select s.id from Subscription s where s.status = :active and s.nextAttemptAt <= :now"
                                + " and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :me)"
                                + " order by s.nextAttemptAt",
                        UUID.class)
                .setParameter("active", Subscription.Status.ACTIVE)
                .setParameter("now", now)
                .setParameter("me", replica)
                .setMaxResults(max)
                .getResultList();
    }

    /** Takes or renews the lease, unless another replica holds it; whether this one holds it now. */
    boolean lease(UUID id, String replica, Instant now, Instant until) {
        return update(
                        "leaseOwner = ?1, leaseUntil = ?2 where id = ?3 and status = ?4"
                                + " and (leaseUntil is null or leaseUntil < ?5 or leaseOwner = ?1)",
                        replica,
                        until,
                        id,
                        Subscription.Status.ACTIVE,
                        now)
                == 1;
    }

    void release(UUID id, String replica) {
        update("leaseOwner = null, leaseUntil = null where id = ?1 and leaseOwner = ?2", id, replica);
    }

    List<Delivery> deliveries(UUID subscription, int pageIndex, int size) {
        return getEntityManager()
                .createQuery("from Delivery d where d.subscriptionId = :id order by d.id desc", Delivery.class)
                .setParameter("id", subscription)
                .setFirstResult(pageIndex * size)
                .setMaxResults(size)
                .getResultList();
    }

    long countDeliveries(UUID subscription) {
        return getEntityManager()
                .createQuery("select count(d) from Delivery d where d.subscriptionId = :id", Long.class)
                .setParameter("id", subscription)
                .getSingleResult();
    }
}
