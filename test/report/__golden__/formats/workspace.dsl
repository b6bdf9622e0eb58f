workspace "shop-monolith" "Candidate services proposed by msa-split 0.1.0" {

    model {
        ShopMonolithSystem = softwareSystem "shop-monolith" "The monolith, one container per candidate context" {
            OrderOrderingContext = container "order · ordering" "ctx-1: 13 modules, 423 lines; owns order_lines, orders"
            CatalogProductContext = container "catalog · product" "ctx-2: 9 modules, 276 lines; owns categories, products"
            PaymentContext = container "payment" "ctx-3: 8 modules, 254 lines; owns payments"
            StockInventoryContext = container "stock · inventory" "ctx-4: 7 modules, 210 lines; owns purchase_requests, stock_items, stock_reservations, warehouses"
            ShippingCarrierContext = container "shipping · carrier" "ctx-5: 9 modules, 203 lines; owns carriers, shipments"
            CustomerContext = container "customer" "ctx-6: 7 modules, 182 lines; owns addresses, customers"
            NotificationEmailContext = container "notification · email" "ctx-7: 3 modules, 77 lines"
            LegacyCouponContext = container "legacy · coupon" "ctx-8: 3 modules, 31 lines"
            SharedKernel = container "shared kernel" "9 modules, 224 lines every context may use"
        }

        OrderOrderingContext -> PaymentContext "depends on (partnership: both ways)"
        PaymentContext -> OrderOrderingContext "depends on (partnership: both ways)"
        OrderOrderingContext -> StockInventoryContext "depends on (partnership: both ways)"
        StockInventoryContext -> OrderOrderingContext "depends on (partnership: both ways)"
        ShippingCarrierContext -> OrderOrderingContext "depends on (3 code dependencies)"
        OrderOrderingContext -> SharedKernel "uses the shared kernel (48 code dependencies)"
        OrderOrderingContext -> CatalogProductContext "depends on (5 code dependencies)"
        StockInventoryContext -> CatalogProductContext "depends on (4 code dependencies)"
        CatalogProductContext -> SharedKernel "uses the shared kernel (29 code dependencies)"
        PaymentContext -> SharedKernel "uses the shared kernel (24 code dependencies)"
        StockInventoryContext -> SharedKernel "uses the shared kernel (28 code dependencies)"
        ShippingCarrierContext -> SharedKernel "uses the shared kernel (25 code dependencies)"
        OrderOrderingContext -> CustomerContext "depends on (6 code dependencies)"
        PaymentContext -> CustomerContext "depends on (2 code dependencies)"
        ShippingCarrierContext -> CustomerContext "depends on (2 code dependencies)"
        CustomerContext -> SharedKernel "uses the shared kernel (23 code dependencies)"
        NotificationEmailContext -> SharedKernel "uses the shared kernel (7 code dependencies)"
        LegacyCouponContext -> SharedKernel "uses the shared kernel (3 code dependencies)"
    }

    views {
        container ShopMonolithSystem "contexts" {
            include *
            autoLayout
        }
    }
}
